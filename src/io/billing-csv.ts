/**
 * A fast CSV reader for the billing registers: reads a file in large chunks and parses fields
 * straight from bytes (dates to day numbers, pounds to integer pence) without building a string
 * per field. Quoted fields (RFC 4180, with "" escapes and embedded newlines) are supported.
 * Every bad value becomes an InputError naming the file, line and column.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { InputError } from "../shared/errors.ts";
import { startsWithBom, UTF8_BOM_BYTES } from "./bom.ts";

const OPEN_DAY = 2_147_483_647;
const COMMA = 44;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const CHUNK = 8 << 20;

export interface RejectedRow {
  file: string;
  line: number;
  column: string;
  reason: string;
}

function daysFromCivil(y: number, m: number, d: number): number {
  // Days since 1970-01-01 in the proleptic Gregorian calendar.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Returned by the byte parsers for a malformed value. */
const BAD = -2_147_483_648;

function parseDate(b: Buffer, s: number, e: number): number {
  if (e - s !== 10 || b[s + 4] !== 45 || b[s + 7] !== 45) return BAD;
  let y = 0;
  for (let k = s; k < s + 4; k++) {
    const c = b[k]! - 48;
    if (c < 0 || c > 9) return BAD;
    y = y * 10 + c;
  }
  const m1 = b[s + 5]! - 48;
  const m2 = b[s + 6]! - 48;
  const d1 = b[s + 8]! - 48;
  const d2 = b[s + 9]! - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return BAD;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1) return BAD;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DIM[m - 1]!)) return BAD;
  return daysFromCivil(y, m, d);
}

/** One row of a CSV file; typed getters check the value and throw with the location. */
export class CsvRow {
  buf: Buffer = Buffer.alloc(0);
  line = 0;
  count = 0;
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** Unescaped text of quoted fields (null for plain ones). */
  readonly quoted: (string | null)[] = [];

  constructor(
    readonly file: string,
    readonly header: string[],
    private readonly index: Map<string, number>,
  ) {}

  fail(column: string, message: string): never {
    throw new InputError(message, { location: { file: this.file, line: this.line, path: column } });
  }

  private at(column: string): number {
    const i = this.index.get(column);
    if (i === undefined) return this.fail(column, "missing column");
    if (i >= this.count)
      this.fail(column, `missing value (the row has ${this.count} of ${this.header.length} fields)`);
    return i;
  }

  /** The field as text ("" when empty). */
  text(column: string): string {
    const i = this.at(column);
    const q = this.quoted[i];
    if (q !== null && q !== undefined) return q;
    return this.buf.toString("utf8", this.start[i]!, this.end[i]!);
  }

  /** A non-empty identifier. */
  id(column: string): string {
    const t = this.text(column);
    if (t === "") this.fail(column, "expected a value, got an empty field");
    return t;
  }

  private readonly lastBytes: (Buffer | undefined)[] = [];
  private readonly lastText: string[] = [];

  /**
   * A non-empty identifier that often repeats the previous row's (a subject's lines come
   * together): when the bytes are the same, the previous string is returned without decoding.
   */
  repeatedId(column: string): string {
    const i = this.at(column);
    const s = this.start[i]!;
    const e = this.end[i]!;
    if (this.quoted[i] == null) {
      const prev = this.lastBytes[i];
      if (prev !== undefined && prev.length === e - s) {
        let same = true;
        for (let k = 0; k < prev.length; k++) {
          if (prev[k] !== this.buf[s + k]) {
            same = false;
            break;
          }
        }
        if (same) return this.lastText[i]!;
      }
    }
    const t = this.id(column);
    if (this.quoted[i] == null && e - s <= 64) {
      this.lastBytes[i] = Buffer.from(this.buf.subarray(s, e));
      this.lastText[i] = t;
    } else this.lastBytes[i] = undefined;
    return t;
  }

  private isEmpty(i: number): boolean {
    const q = this.quoted[i];
    return q !== null && q !== undefined ? q === "" : this.start[i] === this.end[i];
  }

  /** A date YYYY-MM-DD as a day number. */
  date(column: string): number {
    const i = this.at(column);
    const q = this.quoted[i];
    const d =
      q != null
        ? parseDate(Buffer.from(q), 0, Buffer.byteLength(q))
        : parseDate(this.buf, this.start[i]!, this.end[i]!);
    if (d === BAD) this.fail(column, `expected a date YYYY-MM-DD, got "${this.text(column)}"`);
    return d;
  }

  /** A date, or OPEN when the field is empty. */
  optDate(column: string): number {
    return this.isEmpty(this.at(column)) ? OPEN_DAY : this.date(column);
  }

  /** An amount in pounds with up to two decimals, as integer pence. */
  pence(column: string): number {
    const i = this.at(column);
    const v = this.parsePence(i);
    if (v === BAD)
      this.fail(column, `expected an amount in pounds with up to 2 decimals, got "${this.text(column)}"`);
    return v;
  }

  private parsePence(i: number): number {
    let b = this.buf;
    let s = this.start[i]!;
    let e = this.end[i]!;
    if (this.quoted[i] != null) {
      b = Buffer.from(this.quoted[i]!);
      s = 0;
      e = b.length;
    }
    let neg = false;
    if (s < e && b[s] === 45) {
      neg = true;
      s++;
    }
    let whole = 0;
    let digits = 0;
    while (s < e && b[s]! >= 48 && b[s]! <= 57) {
      whole = whole * 10 + (b[s]! - 48);
      s++;
      digits++;
    }
    if (digits === 0 || digits > 13) return BAD;
    let frac = 0;
    if (s < e) {
      if (b[s] !== 46) return BAD;
      s++;
      const fs = s;
      while (s < e && b[s]! >= 48 && b[s]! <= 57) {
        frac = frac * 10 + (b[s]! - 48);
        s++;
      }
      const n = s - fs;
      if (n < 1 || n > 2 || s !== e) return BAD;
      if (n === 1) frac *= 10;
    }
    const v = whole * 100 + frac;
    return neg ? -v : v;
  }

  /** A plain decimal number (units). */
  number(column: string): number {
    const t = this.text(column);
    if (!/^-?\d+(\.\d+)?$/.test(t)) this.fail(column, `expected a number, got "${t}"`);
    return Number(t);
  }
}

export interface ReadCsvOptions {
  /** When set, a bad row is passed here and skipped instead of stopping the read. */
  onReject?: (r: RejectedRow) => void;
  /** Bytes read so far and the file's size. */
  onBytes?: (done: number, total: number) => void;
  /** Read size in bytes (default 8 MiB); small values exercise records split across reads. */
  chunkSize?: number;
}

/**
 * Reads `path` (shown as `label` in messages), checks the header has `required` columns, and
 * calls onRow for every data row. onRow must parse every value before storing any, so a
 * rejected row leaves nothing behind.
 */
export function readCsv(
  path: string,
  label: string,
  required: readonly string[],
  onRow: (row: CsvRow) => void,
  opts: ReadCsvOptions = {},
): number {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    return parseCsv(
      (chunk) => readSync(fd, chunk, 0, chunk.length, null),
      size,
      label,
      required,
      onRow,
      opts,
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * The same as readCsv over CSV text already in memory (an API upload): the same checks, the
 * same messages naming `label`, the line and the column.
 */
export function readCsvText(
  text: string | Buffer,
  label: string,
  required: readonly string[],
  onRow: (row: CsvRow) => void,
  opts: ReadCsvOptions = {},
): number {
  const data = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  let at = 0;
  const read = (chunk: Buffer): number => {
    const n = data.copy(chunk, 0, at, Math.min(data.length, at + chunk.length));
    at += n;
    return n;
  };
  return parseCsv(read, data.length, label, required, onRow, opts);
}

/** Parses CSV records from `read` (which fills a chunk and returns the bytes read, 0 at the end). */
function parseCsv(
  read: (chunk: Buffer) => number,
  size: number,
  label: string,
  required: readonly string[],
  onRow: (row: CsvRow) => void,
  opts: ReadCsvOptions,
): number {
  let buf = Buffer.alloc(0);
  let eof = false;
  let readTotal = 0;
  const chunkSize = opts.chunkSize ?? CHUNK;
  const fill = (keepFrom: number): void => {
    const chunk = Buffer.allocUnsafe(chunkSize);
    const n = read(chunk);
    readTotal += n;
    if (n === 0) eof = true;
    buf = Buffer.concat([buf.subarray(keepFrom), chunk.subarray(0, n)]);
    opts.onBytes?.(readTotal, size);
  };
  fill(0);
  while (buf.length < 3 && !eof) fill(0);
  let row: CsvRow | null = null;
  let headerNames: string[] = [];
  let line = 1;
  // A UTF-8 byte order mark (spreadsheet exports) is not part of the first column's name,
  // whether or not that name is quoted.
  let pos = startsWithBom(buf) ? UTF8_BOM_BYTES : 0;
  let rows = 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const quoted: (string | null)[] = [];
  for (;;) {
    // Parse one record from pos; on running out of bytes, refill and restart the record.
    if (pos >= buf.length) {
      if (eof) break;
      fill(pos);
      pos = 0;
      continue;
    }
    starts.length = 0;
    ends.length = 0;
    quoted.length = 0;
    let p = pos;
    let newlines = 0;
    let complete = false;
    let malformed: string | null = null;
    for (;;) {
      if (p < buf.length && buf[p] === QUOTE) {
        let q = p + 1;
        let text = "";
        let segStart = q;
        let closed = false;
        while (q < buf.length) {
          if (buf[q] === QUOTE) {
            if (q + 1 < buf.length && buf[q + 1] === QUOTE) {
              text += buf.toString("utf8", segStart, q + 1);
              q += 2;
              segStart = q;
              continue;
            }
            if (q + 1 >= buf.length && !eof) break;
            text += buf.toString("utf8", segStart, q);
            closed = true;
            q++;
            break;
          }
          if (buf[q] === LF) newlines++;
          q++;
        }
        if (!closed) {
          if (!eof) break;
          malformed = "unterminated quoted field";
          text += buf.toString("utf8", segStart, q);
        }
        starts.push(p);
        ends.push(q);
        quoted.push(text);
        p = q;
      } else {
        let q = p;
        while (q < buf.length) {
          const c = buf[q]!;
          if (c === COMMA || c === LF || c === CR) break;
          q++;
        }
        if (q >= buf.length && !eof) break;
        starts.push(p);
        ends.push(q);
        quoted.push(null);
        p = q;
      }
      if (p >= buf.length) {
        complete = true;
        break;
      }
      const c = buf[p]!;
      if (c === COMMA) {
        p++;
        continue;
      }
      if (c === CR) {
        if (p + 1 >= buf.length && !eof) break;
        p++;
        if (p < buf.length && buf[p] === LF) p++;
        complete = true;
        break;
      }
      if (c === LF) {
        p++;
        complete = true;
        break;
      }
      // Text right after a closing quote.
      malformed = "unexpected text after a closing quote";
      while (p < buf.length && buf[p] !== COMMA && buf[p] !== LF) p++;
      if (p >= buf.length && !eof) break;
    }
    if (!complete) {
      if (eof) break;
      fill(pos);
      pos = 0;
      continue;
    }
    const rowLine = line;
    line += 1 + newlines;
    pos = p;
    // Skip blank lines.
    if (starts.length === 1 && quoted[0] === null && starts[0] === ends[0]) continue;
    if (row === null) {
      headerNames = starts.map((s, i) => (quoted[i] ?? buf.toString("utf8", s, ends[i]!)).trim());
      const index = new Map<string, number>();
      headerNames.forEach((h, i) => {
        if (!index.has(h)) index.set(h, i);
      });
      for (const col of required) {
        if (!index.has(col))
          throw new InputError(`missing column (the header has ${headerNames.join(",")})`, {
            location: { file: label, line: rowLine, path: col },
          });
      }
      row = new CsvRow(label, headerNames, index);
      continue;
    }
    row.buf = buf;
    row.line = rowLine;
    row.count = starts.length;
    row.start.length = 0;
    row.end.length = 0;
    row.quoted.length = 0;
    for (let i = 0; i < starts.length; i++) {
      row.start.push(starts[i]!);
      row.end.push(ends[i]!);
      row.quoted.push(quoted[i]!);
    }
    try {
      if (malformed)
        row.fail(headerNames[Math.min(starts.length, headerNames.length) - 1] ?? "row", malformed);
      if (starts.length > headerNames.length)
        row.fail("row", `expected ${headerNames.length} fields, got ${starts.length}`);
      onRow(row);
      rows++;
    } catch (err) {
      if (err instanceof InputError && opts.onReject) {
        opts.onReject({
          file: label,
          line: rowLine,
          column: err.location.path ?? "",
          reason: err.message,
        });
      } else throw err;
    }
  }
  if (row === null)
    throw new InputError("expected a header row, the file is empty", {
      location: { file: label, line: 1 },
    });
  return rows;
}
