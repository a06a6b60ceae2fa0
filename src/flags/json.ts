/**
 * JSON text in Cardinal's style: compact, and every indicator value written as a decimal (`1.0`,
 * not `1`), the way serde_json writes an f64. Parsers read `1.0` and `1` as the same number; the
 * decimal point keeps the output byte-for-byte comparable with Cardinal's.
 */

/** Writes a finite number as an f64 would be written: integers get a trailing ".0". */
export function formatFloat(n: number): string {
  if (!Number.isFinite(n)) return "null";
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return `${n}.0`;
  return String(n);
}

/** Serializes plain objects, arrays, strings, booleans and numbers (as floats). */
export function stringifyFloats(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return formatFloat(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(stringifyFloats).join(",")}]`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    parts.push(`${JSON.stringify(k)}:${stringifyFloats(v)}`);
  }
  return `{${parts.join(",")}}`;
}
