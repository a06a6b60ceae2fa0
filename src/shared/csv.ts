/**
 * The one CSV writer nous uses (RFC 4180 quoting, LF line ends). Each cell says what it is, so a
 * value a supplier or a publisher wrote can never reach a spreadsheet as a formula:
 *
 * - `text(v)`: a string from outside (an invoice, line or subject id, a supplier's name, a
 *   reason). One that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a
 *   single quote `'` in front, so Excel, LibreOffice and Google Sheets show it as text instead of
 *   running it (OWASP, "CSV Injection"): `=HYPERLINK(...)` becomes `'=HYPERLINK(...)`.
 * - `num(v)`: a number nous computed (integer pence, days, a line number, a decimal string such as
 *   "-12.50"). Written as it is, never prefixed, so a negative amount stays a number; anything that
 *   is not a plain number is refused here rather than written, so a supplier's string cannot pass
 *   as one.
 * - `verbatim(v)`: quoted, never prefixed. Only for files whose reader is nous's own parser (the
 *   generated and demo registers): there a prefix would change the data the parser reads back.
 *
 * Files meant to be opened in a spreadsheet start with `CSV_BOM`, so Excel reads them as UTF-8.
 */

/** The UTF-8 byte order mark, as a string: Excel takes a CSV file that starts with it as UTF-8. */
export const CSV_BOM = "\uFEFF";

export interface CsvCell {
  readonly kind: "text" | "num" | "verbatim";
  readonly value: string;
}

/** The first characters a spreadsheet reads as the start of a formula (or hides one behind). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as nous writes one: an optional minus, digits, optionally a point and digits. */
const NUMBER = /^-?\d+(\.\d+)?$/;

/** A string from outside: neutralised when a spreadsheet would take it for a formula. */
export function text(v: string): CsvCell {
  return { kind: "text", value: v };
}

/**
 * A number nous computed: a safe integer, or a decimal string ("-12.50"). Throws on anything
 * else (a float, NaN, "=1", "1e3", ""): that is a bug at the call site, not bad input.
 */
export function num(v: number | string): CsvCell {
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v)) throw new TypeError(`csv num(): ${v} is not a safe integer`);
    return { kind: "num", value: String(v) };
  }
  if (!NUMBER.test(v)) throw new TypeError(`csv num(): ${JSON.stringify(v)} is not a decimal number`);
  return { kind: "num", value: v };
}

/** A value for nous's own parser: quoted when needed, otherwise written exactly as it is. */
export function verbatim(v: string): CsvCell {
  return { kind: "verbatim", value: v };
}

/** RFC 4180: a field is quoted when it holds a comma, a quote or a line break. */
function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One cell as it appears in the file. */
export function csvCell(c: CsvCell): string {
  if (c.kind === "text" && FORMULA_START.test(c.value)) return quote(`'${c.value}`);
  return quote(c.value);
}

/** One row, without its line end. */
export function csvRow(cells: readonly CsvCell[]): string {
  let s = "";
  for (let i = 0; i < cells.length; i++) s += (i ? "," : "") + csvCell(cells[i]!);
  return s;
}

/** A header row of column names nous chose (written as text cells, without its line end). */
export function csvHeader(names: readonly string[]): string {
  return csvRow(names.map(text));
}

export interface CsvDocumentOptions {
  /** Start with the UTF-8 byte order mark: for files a person opens in a spreadsheet. */
  bom: boolean;
}

/** A whole CSV file: the header, then one line per row, each ending in LF. */
export function csvDocument(
  header: readonly string[],
  rows: Iterable<readonly CsvCell[]>,
  opts: CsvDocumentOptions,
): string {
  const out: string[] = [csvHeader(header)];
  for (const r of rows) out.push(csvRow(r));
  return `${opts.bom ? CSV_BOM : ""}${out.join("\n")}\n`;
}
