/** JSON values as OCDS data carries them, and the shapes the OCDS engine passes around. */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** An OCDS release as parsed: only the fields the engine relies on are typed. */
export interface Release extends JsonObject {}

/** Something the data got wrong, with where: `path` is a JSON path such as `$.awards[0].id`. */
export interface Issue {
  severity: "error" | "warning";
  /** Stable short code, e.g. "schema", "codelist", "duplicate-id", "type-conflict". */
  code: string;
  message: string;
  path: string;
  /** Source file and line, filled in by adapters that know them. */
  file?: string;
  line?: number;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** JSON path segment for a key: `.name` when it is an identifier, `["a b"]` otherwise. */
export function pathKey(base: string, key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}
