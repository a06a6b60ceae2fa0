/**
 * Parsing OCDS JSON read from files or stdin (cut into documents by src/io/ocds-read.ts), and
 * lines of a byte stream. Malformed JSON becomes an InputError naming the file, line and column.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { Json } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { checkJsonDepth } from "../shared/json-depth.ts";
import { findJsonSyntaxError } from "../shared/json-position.ts";
import { readUnits, Splitter, type Unit } from "./ocds-read.ts";
import type { ReadSettings } from "./ocds-read-options.ts";

/**
 * JSON.parse with a located, readable error. `line` is the line the text starts on. Text nested
 * deeper than MAX_JSON_DEPTH is refused first, naming the line and column where it goes over: the
 * merge, the schema check and the writers walk documents recursively and would otherwise end in
 * "Maximum call stack size exceeded" with no location.
 */
export function parseJson(text: string, file?: string, line = 1): Json {
  checkJsonDepth(text, file, line);
  return parseDepthChecked(text, file, line);
}

/** parseJson of text whose depth was checked already (on its bytes, as it was indexed). */
export function parseDepthChecked(text: string, file?: string, line = 1): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    const p = findJsonSyntaxError(text);
    const loc = { file, line: line + (p ? p.line - 1 : 0), column: p?.column ?? 1 };
    throw new InputError(`malformed JSON: ${p?.message ?? "not valid JSON"}`, {
      code: "malformed_json",
      location: loc,
    });
  }
}

export interface Line {
  text: string;
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** Length in bytes, without the newline. */
  bytes: number;
}

export function openInput(file: string): Readable {
  return file === "-" ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
}

/** Lines of a byte stream, split on \n (a trailing \r is dropped). */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Line> {
  let carry: Buffer | null = null;
  let line = 0;
  let offset = 0;
  for await (const raw of stream) {
    let chunk: Buffer = typeof raw === "string" ? Buffer.from(raw) : raw;
    if (carry) {
      chunk = Buffer.concat([carry, chunk]);
      carry = null;
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && chunk[end - 1] === 13) end--;
      line++;
      yield { text: chunk.toString("utf8", start, end), line, offset, bytes: nl - start };
      offset += nl - start + 1;
      start = nl + 1;
    }
    if (start < chunk.length) carry = chunk.subarray(start);
  }
  if (carry && carry.length > 0) {
    let end = carry.length;
    if (carry[end - 1] === 13) end--;
    line++;
    yield { text: carry.toString("utf8", 0, end), line, offset, bytes: carry.length };
  }
}

export interface LineBuffer {
  /** The line's bytes (a view into the read chunk, no copy), without the newline. */
  buf: Buffer;
  line: number;
  offset: number;
}

/** Lines as byte views: nothing is decoded, so holding many lines costs no garbage collection. */
export async function* readLineBuffers(stream: AsyncIterable<Buffer | string>): AsyncGenerator<LineBuffer> {
  for await (const batch of readLineBatches(stream)) yield* batch;
}

/** The lines of each chunk read, as one array per chunk (fewer awaits per line). */
export async function* readLineBatches(stream: AsyncIterable<Buffer | string>): AsyncGenerator<LineBuffer[]> {
  let carry: Buffer | null = null;
  let line = 0;
  let offset = 0;
  for await (const raw of stream) {
    let chunk: Buffer = typeof raw === "string" ? Buffer.from(raw) : raw;
    if (carry) {
      chunk = Buffer.concat([carry, chunk]);
      carry = null;
    }
    const batch: LineBuffer[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) break;
      let end = nl;
      if (end > start && chunk[end - 1] === 13) end--;
      line++;
      batch.push({ buf: chunk.subarray(start, end), line, offset });
      offset += nl - start + 1;
      start = nl + 1;
    }
    if (start < chunk.length) carry = Buffer.from(chunk.subarray(start));
    if (batch.length) yield batch;
  }
  if (carry && carry.length > 0) {
    let end = carry.length;
    if (carry[end - 1] === 13) end--;
    line++;
    yield [{ buf: carry.subarray(0, end), line, offset }];
  }
}

export interface Document {
  value: Json;
  /** Line the document starts on. */
  line: number;
  /** The raw text when the document is on one line (JSON Lines); absent for a multi-line document. */
  text?: string;
  offset: number;
  bytes: number;
}

/**
 * The JSON documents of a file or stdin, parsed: JSON Lines, concatenated JSON, the items of a
 * top-level array, plain or gzip (src/io/ocds-read.ts), after `read` (--encoding and
 * --root-path; default none). Each document is held whole.
 */
export async function* readDocuments(
  file: string,
  opts: { read?: ReadSettings } = {},
): AsyncGenerator<Document> {
  for await (const units of readUnits(file, { streamFrom: Number.POSITIVE_INFINITY, read: opts.read })) {
    for (const u of units) {
      const bytes = u.buf!.length;
      let text: string;
      try {
        text = u.buf!.toString();
      } catch {
        throw new InputError(
          "the document is larger than nous can hold as one string; `nous ocds compile` streams such packages",
          { location: { file, line: u.line } },
        );
      }
      for (const value of parseUnit(u, file, text)) {
        yield { value, line: u.line, offset: u.end - bytes, bytes, ...(u.oneLine ? { text } : {}) };
      }
    }
  }
}

/**
 * Parses a unit (its depth checked unless the scanner checked it). A line taken whole that is not
 * one JSON value is scanned again byte by byte: `cat a.json b.json` of compact documents puts the
 * second on the first's last line.
 */
export function parseUnit(u: Unit, file: string, text = u.buf!.toString()): Json[] {
  try {
    if (u.checked === false) checkJsonDepth(text, file, u.line);
    return [JSON.parse(text) as Json];
  } catch (first) {
    if (first instanceof InputError) throw first;
    if (u.oneLine) {
      let parts: Unit[] = [];
      try {
        const s = new Splitter(file, Number.POSITIVE_INFINITY, true);
        parts = [...s.feed(u.buf!), ...s.end()];
      } catch {
        parts = [];
      }
      if (parts.length > 1) return parts.map((p) => parseJson(p.buf!.toString(), file, u.line));
    }
    return [parseJson(text, file, u.line)];
  }
}
