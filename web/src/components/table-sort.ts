/**
 * How the dashboard's tables order and filter rows, apart from React: numbers, decimal strings
 * and ISO dates compare by value (a decimal string exactly, never through a binary float),
 * other text alphabetically in British English ignoring case, and a filter keeps the rows whose
 * text holds every word typed.
 */

/** What a sortable column sorts by; null sorts last whichever the direction. */
export type SortValue = string | number | null;

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

type Key =
  | { kind: "decimal"; value: string }
  | { kind: "time"; value: number }
  | { kind: "text"; value: string };

function keyOf(v: string | number): Key {
  if (typeof v === "number") return { kind: "decimal", value: Number.isFinite(v) ? decimalOf(v) : "0" };
  const s = v.trim();
  if (DECIMAL.test(s)) return { kind: "decimal", value: s };
  if (ISO_DATE.test(s)) {
    const t = Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
    if (!Number.isNaN(t)) return { kind: "time", value: t };
  }
  return { kind: "text", value: s };
}

/** A number as a plain decimal string (no exponent), for exact comparison with decimal strings. */
function decimalOf(n: number): string {
  if (Number.isInteger(n)) return BigInt(n).toString();
  const plain = String(n);
  return /e/i.test(plain) ? n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "") : plain;
}

/** Compares two decimal strings by value, digit by digit. */
export function compareDecimals(a: string, b: string): number {
  const neg = (s: string) => s.startsWith("-");
  const parts = (s: string) => {
    const [int = "0", frac = ""] = s.replace(/^-/, "").split(".");
    return { int: int.replace(/^0+(?=\d)/, ""), frac: frac.replace(/0+$/, "") };
  };
  const pa = parts(a);
  const pb = parts(b);
  const zero = (p: { int: string; frac: string }) => p.int === "0" && p.frac === "";
  const na = neg(a) && !zero(pa);
  const nb = neg(b) && !zero(pb);
  if (na !== nb) return na ? -1 : 1;
  let magnitude = pa.int.length - pb.int.length;
  if (magnitude === 0) magnitude = pa.int < pb.int ? -1 : pa.int > pb.int ? 1 : 0;
  if (magnitude === 0) {
    const width = Math.max(pa.frac.length, pb.frac.length);
    const fa = pa.frac.padEnd(width, "0");
    const fb = pb.frac.padEnd(width, "0");
    magnitude = fa < fb ? -1 : fa > fb ? 1 : 0;
  }
  return Math.sign(magnitude) * (na ? -1 : 1);
}

const collator = new Intl.Collator("en-GB", { numeric: true, sensitivity: "base" });
const RANK = { decimal: 0, time: 1, text: 2 } as const;

/** Ascending order of two sort values; null (or undefined) after everything else. */
export function compareSortValues(a: SortValue | undefined, b: SortValue | undefined): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : 1;
  if (b === null || b === undefined) return -1;
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka.kind !== kb.kind) return RANK[ka.kind] - RANK[kb.kind];
  if (ka.kind === "decimal" && kb.kind === "decimal") return compareDecimals(ka.value, kb.value);
  if (ka.kind === "time" && kb.kind === "time") return Math.sign(ka.value - kb.value);
  return collator.compare(String(ka.value), String(kb.value));
}

/** Amounts, counts and dates sort largest or latest first on the first press; text A to Z. */
export function firstSortDescending(values: readonly (SortValue | undefined)[]): boolean {
  const first = values.find((v) => v !== null && v !== undefined);
  return first !== undefined && first !== null && keyOf(first).kind !== "text";
}

/** Text as the filter compares it: lower case, accents and runs of spaces folded. */
export function searchText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("en-GB")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a row's text holds every word of the query (a row not yet read is kept). */
export function rowMatches(text: string | undefined, query: string): boolean {
  if (text === undefined) return true;
  const words = searchText(query).split(" ").filter(Boolean);
  return words.every((w) => text.includes(w));
}
