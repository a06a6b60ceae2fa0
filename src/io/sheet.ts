/**
 * Spreadsheets in and out: the one place nous reads an uploaded XLSX or CSV table and writes a
 * template or an export. Use cases hand it the bytes and a description of the sheets they want
 * (`SheetSpec`); it gives back typed rows, or one InputError naming every bad cell by sheet, row
 * and column letter, with what was expected and what was found, so nothing is stored from a
 * workbook until all of it is valid.
 *
 *   const { "Cash flows": rows } = await readWorkbook(bytes, "case.xlsx", [CASH_FLOWS]);
 *   // InputError: Cash flows!C7 (Year 3): expected an amount in pounds such as 1,250,000.00, found "n/a"
 *
 * Headers are matched by their text (case and spacing ignored), so columns may be moved; a
 * required column that is missing is an error naming the sheet. Rows that are wholly empty are
 * skipped. A CSV file is one sheet: the first spec's.
 *
 * Hostile files: an XLSX is a zip, and a small one can inflate to gigabytes. Before exceljs sees
 * it, the zip's central directory is read and the file refused when its parts claim more than
 * MAX_INFLATED bytes in all; old binary .xls files are refused with a plain word on what to do.
 */
import ExcelJS from "exceljs";
import { csvDocument, num, text } from "../shared/csv.ts";
import { InputError } from "../shared/errors.ts";
import { penceToDecimal } from "../shared/money.ts";
import {
  type CellKind,
  type CellValue,
  columnLetter,
  EXPECTED,
  type RawCell,
  readCell,
} from "./sheet-cells.ts";

export type { CellKind, CellValue } from "./sheet-cells.ts";

export interface SheetColumn {
  /** The row object's property. */
  key: string;
  /** The header a person sees in row 1. */
  header: string;
  kind: CellKind;
  /** An empty cell in this column is an error. */
  required?: boolean;
  /** Column width in characters when written (default from the header). */
  width?: number;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  /** A sheet that may be left out of an upload (its rows are then []). */
  optional?: boolean;
}

export type SheetRow = Record<string, CellValue> & {
  /** The row's 1-based number in the file. */ $row?: number;
};

export interface BadCell {
  sheet: string;
  row: number;
  column: string;
  header: string;
  expected: string;
  found: string;
}

/** Rows per sheet nous reads; a template has hundreds at most. */
export const MAX_ROWS = 100_000;
/** Total bytes the parts of an XLSX may inflate to. */
export const MAX_INFLATED = 200 * 1024 * 1024;
/** Bad cells listed in one error; the message says how many more there were. */
const MAX_LISTED = 50;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Which reader a file needs, by its first bytes, then by its name. */
export function formatOf(bytes: Uint8Array, fileName: string): "xlsx" | "csv" {
  if (startsWith(bytes, ZIP)) return "xlsx";
  if (startsWith(bytes, OLE) || /\.xls$/i.test(fileName))
    throw new InputError(
      `${fileName}: this is an old Excel .xls file; save it as .xlsx or .csv and upload that`,
      {
        location: { file: fileName },
      },
    );
  if (/\.xlsx$/i.test(fileName))
    throw new InputError(
      `${fileName}: the name says XLSX but the file is not one (it is not a zip archive)`,
      {
        location: { file: fileName },
      },
    );
  return "csv";
}

/** Sums the uncompressed sizes the zip's central directory declares; refuses a zip bomb. */
function checkInflatedSize(bytes: Uint8Array, fileName: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (why: string) =>
    new InputError(`${fileName}: not a readable XLSX file (${why})`, { location: { file: fileName } });
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw refuse("its zip directory is missing");
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw refuse("its zip directory is damaged");
    total += view.getUint32(at + 24, true);
    if (total > MAX_INFLATED)
      throw new InputError(
        `${fileName}: the workbook would unpack to more than ${MAX_INFLATED / 1024 / 1024} MiB; nous reads smaller files`,
        { location: { file: fileName }, status: 413, code: "too_large" },
      );
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF, a leading BOM) to rows of strings. */
export function parseCsv(textIn: string): string[][] {
  const s = textIn.charCodeAt(0) === 0xfeff ? textIn.slice(1) : textIn;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function rawOf(cell: ExcelJS.Cell): RawCell {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { type: "empty" };
  if (typeof v === "string") return { type: "text", text: v };
  if (typeof v === "number") return { type: "number", value: v, percentFormat: /%/.test(cell.numFmt ?? "") };
  if (typeof v === "boolean") return { type: "text", text: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { type: "date", date: v };
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return { type: "bad", why: `the cell shows the error ${String(o.error)}` };
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result;
      if (r === undefined || r === null)
        return { type: "bad", why: "it holds a formula with no saved value" };
      if (typeof r === "object" && r !== null && "error" in r)
        return { type: "bad", why: `its formula gives ${String((r as { error: unknown }).error)}` };
      if (typeof r === "number")
        return { type: "number", value: r, percentFormat: /%/.test(cell.numFmt ?? "") };
      if (r instanceof Date) return { type: "date", date: r };
      return { type: "text", text: String(r) };
    }
    if ("richText" in o && Array.isArray(o.richText))
      return { type: "text", text: (o.richText as { text: string }[]).map((t) => t.text).join("") };
    if ("text" in o) return { type: "text", text: String(o.text) };
  }
  return { type: "bad", why: "nous cannot read this kind of cell" };
}

function shown(raw: RawCell): string {
  switch (raw.type) {
    case "empty":
      return "an empty cell";
    case "text":
      return JSON.stringify(raw.text.length > 40 ? `${raw.text.slice(0, 40)}…` : raw.text);
    case "number":
      return String(raw.value);
    case "date":
      return Number.isNaN(raw.date.getTime()) ? "an invalid date" : raw.date.toISOString().slice(0, 10);
    case "bad":
      return raw.why;
  }
}

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");

/** One sheet's grid (row -> column -> raw cell, both 1-based) to typed rows, collecting bad cells. */
function readGrid(
  spec: SheetSpec,
  rowCount: number,
  cellAt: (row: number, col: number) => RawCell,
  colCount: number,
  bad: BadCell[],
  fileName: string,
  letters: Record<string, string>,
): SheetRow[] {
  const where: Record<string, number> = {};
  for (let c = 1; c <= colCount; c++) {
    const h = cellAt(1, c);
    if (h.type === "text") where[norm(h.text)] = c;
  }
  const missing = spec.columns.filter((col) => col.required && where[norm(col.header)] === undefined);
  if (missing.length)
    throw new InputError(
      `${fileName}: sheet "${spec.name}" has no column ${missing.map((m) => `"${m.header}"`).join(", ")} in its first row`,
      {
        location: { file: fileName, path: spec.name },
        details: { sheet: spec.name, missing: missing.map((m) => m.header) },
      },
    );
  if (rowCount - 1 > MAX_ROWS)
    throw new InputError(
      `${fileName}: sheet "${spec.name}" has ${rowCount - 1} rows; nous reads at most ${MAX_ROWS}`,
      {
        location: { file: fileName, path: spec.name },
      },
    );
  for (const col of spec.columns) {
    const c = where[norm(col.header)];
    if (c !== undefined) letters[col.key] = columnLetter(c);
  }
  const rows: SheetRow[] = [];
  for (let r = 2; r <= rowCount; r++) {
    const cells = spec.columns.map((col) => {
      const c = where[norm(col.header)];
      return c === undefined ? ({ type: "empty" } as RawCell) : cellAt(r, c);
    });
    if (cells.every((c) => c.type === "empty" || (c.type === "text" && c.text.trim() === ""))) continue;
    const out: SheetRow = { $row: r };
    spec.columns.forEach((col, i) => {
      const raw = cells[i] as RawCell;
      const res = readCell(raw, col.kind);
      const c = where[norm(col.header)] ?? 0;
      if (!res.ok || (col.required && res.value === null)) {
        bad.push({
          sheet: spec.name,
          row: r,
          column: columnLetter(c),
          header: col.header,
          expected: res.ok ? `${EXPECTED[col.kind]} (this column must be filled in)` : res.expected,
          found: shown(raw),
        });
        out[col.key] = null;
      } else out[col.key] = res.value;
    });
    rows.push(out);
  }
  return rows;
}

/**
 * The error for cells that read well but break a rule of the use case (an option the assessment
 * does not have, a weight that differs between rows): the same message and details as a cell
 * that does not read, so a person sees one kind of error whatever the cause.
 */
export function badCellsError(fileName: string, bad: BadCell[]): InputError {
  const line = (b: BadCell) =>
    `${b.sheet}!${b.column}${b.row} (${b.header}): expected ${b.expected}, found ${b.found}`;
  const first = bad[0] as BadCell;
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more bad cell${bad.length > 2 ? "s" : ""})` : "";
  return new InputError(`${fileName}: ${line(first)}${more}; nothing was stored`, {
    code: "bad_cells",
    location: { file: fileName, line: first.row, path: `${first.sheet}!${first.column}${first.row}` },
    details: bad.slice(0, MAX_LISTED).map((b) => ({ ...b, message: line(b) })),
  });
}

/**
 * Reads the sheets `specs` describes from an XLSX or CSV file (CSV: the first spec only).
 * Returns rows per sheet name; throws one InputError listing every bad cell.
 */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  specs: SheetSpec[],
): Promise<Record<string, SheetRow[]>> {
  return (await readWorkbookWithColumns(bytes, fileName, specs)).sheets;
}

export interface WorkbookRead {
  sheets: Record<string, SheetRow[]>;
  /** Per sheet, the column letter each key was found in (for naming a cell in a later check). */
  columns: Record<string, Record<string, string>>;
  /**
   * With `{ collect: true }`: the cells that did not read (their value in `sheets` is null), for
   * the caller to report with its own findings in one error (`badCellsError`), so a person sees
   * every bad cell at once. Without it, such cells throw before the caller sees anything.
   */
  bad: BadCell[];
}

/** readWorkbook, also saying where each column was, so a use case's own checks can name cells. */
export async function readWorkbookWithColumns(
  bytes: Uint8Array,
  fileName: string,
  specs: SheetSpec[],
  opts: { collect?: boolean } = {},
): Promise<WorkbookRead> {
  const out: Record<string, SheetRow[]> = {};
  const columns: Record<string, Record<string, string>> = {};
  const lettersOf = (name: string) => {
    columns[name] = {};
    return columns[name];
  };
  const bad: BadCell[] = [];
  if (formatOf(bytes, fileName) === "csv") {
    const spec = specs[0];
    if (!spec) return { sheets: out, columns, bad };
    let decoded: string;
    try {
      decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${fileName}: the file is not UTF-8 text; save it as "CSV UTF-8" or as .xlsx`, {
        location: { file: fileName },
      });
    }
    const grid = parseCsv(decoded);
    const width = Math.max(0, ...grid.map((r) => r.length));
    const cellAt = (r: number, c: number): RawCell => {
      const t = grid[r - 1]?.[c - 1];
      return t === undefined || t === "" ? { type: "empty" } : { type: "text", text: t };
    };
    out[spec.name] = readGrid(spec, grid.length, cellAt, width, bad, fileName, lettersOf(spec.name));
    for (const s of specs.slice(1)) out[s.name] = [];
  } else {
    checkInflatedSize(bytes, fileName);
    const wb = new ExcelJS.Workbook();
    try {
      // exceljs's typings want its own Buffer type; a Uint8Array view of the same bytes is what it reads.
      await wb.xlsx.load(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
      );
    } catch (e) {
      throw new InputError(`${fileName}: not a readable XLSX file (${(e as Error).message.slice(0, 120)})`, {
        location: { file: fileName },
      });
    }
    for (const spec of specs) {
      const ws = wb.worksheets.find((w) => norm(w.name) === norm(spec.name));
      if (!ws) {
        if (spec.optional) {
          out[spec.name] = [];
          continue;
        }
        const names = wb.worksheets.map((w) => `"${w.name}"`).join(", ");
        throw new InputError(
          `${fileName}: the workbook has no sheet "${spec.name}" (it has ${names || "none"})`,
          {
            location: { file: fileName, path: spec.name },
          },
        );
      }
      const cellAt = (r: number, c: number) => rawOf(ws.getRow(r).getCell(c));
      out[spec.name] = readGrid(
        spec,
        ws.rowCount,
        cellAt,
        ws.columnCount,
        bad,
        fileName,
        lettersOf(spec.name),
      );
    }
  }
  if (bad.length && !opts.collect) throw badCellsError(fileName, bad);
  return { sheets: out, columns, bad };
}

export interface SheetData extends SheetSpec {
  rows: Record<string, CellValue>[];
}

function writeValue(kind: CellKind, v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case "pence":
      return Number(penceToDecimal(Number(v)));
    case "integer":
      return Number(v);
    case "decimal":
      return Number(v);
    case "percent":
      return Number(v) / 100;
    case "date": {
      const [y, m, d] = String(v).split("-").map(Number);
      return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
    }
    default:
      return String(v);
  }
}

const FORMAT: Partial<Record<CellKind, string>> = {
  pence: "#,##0.00",
  integer: "0",
  percent: "0.00%",
  date: "yyyy-mm-dd",
};

/** A workbook with one sheet per entry: a bold, frozen header row, then the rows. */
export async function writeWorkbook(sheets: SheetData[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nous";
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? Math.max(12, c.header.length + 2),
      style: FORMAT[c.kind] ? { numFmt: FORMAT[c.kind] } : {},
    }));
    ws.getRow(1).font = { bold: true };
    for (const r of s.rows) {
      const values: Record<string, ExcelJS.CellValue> = {};
      for (const c of s.columns) values[c.key] = writeValue(c.kind, r[c.key] ?? null);
      ws.addRow(values);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One sheet as CSV (with a BOM, for a spreadsheet): text cells neutralised, numbers as numbers. */
export function writeSheetCsv(sheet: SheetData): string {
  const cell = (kind: CellKind, v: CellValue) => {
    if (v === null || v === undefined) return text("");
    if (kind === "pence") return num(penceToDecimal(Number(v)));
    if (kind === "integer") return num(Number(v));
    if (kind === "decimal" || kind === "percent") return num(String(v));
    return text(String(v));
  };
  return csvDocument(
    sheet.columns.map((c) => c.header),
    sheet.rows.map((r) => sheet.columns.map((c) => cell(c.kind, r[c.key] ?? null))),
    { bom: true },
  );
}
