/**
 * Reading OCDS JSON and JSON Lines from files or stdin. JSON Lines are streamed line by line
 * (memory bounded by the longest line); a pretty-printed JSON document is read whole. Malformed
 * JSON becomes an InputError naming the file, line and column.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { Json } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { checkJsonDepth } from "../shared/json-depth.ts";
import { findJsonSyntaxError } from "../shared/json-position.ts";

/**
 * JSON.parse with a located, readable error. `line` is the line the text starts on. Text nested
 * deeper than MAX_JSON_DEPTH is refused first, naming the line and column where it goes over: the
 * merge, the schema check and the writers walk documents recursively and would otherwise end in
 * "Maximum call stack size exceeded" with no location.
 */
export function parseJson(text: string, file?: string, line = 1): Json {
  checkJsonDepth(text, file, line);
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
  /** The parsed document; in raw mode, absent for JSON Lines (parse `text` when needed). */
  value: Json;
  /** Line the document starts on (1 for a whole JSON file). */
  line: number;
  /** The raw text when the input is JSON Lines (one document per line). */
  text?: string;
  offset: number;
  bytes: number;
}

/**
 * The JSON documents in a file: one per line when the first non-empty line is complete JSON
 * (JSON Lines), otherwise the whole file as one document.
 */
export async function* readDocuments(file: string): AsyncGenerator<Document> {
  for await (const d of readRawDocuments(file)) {
    if (d.value !== undefined) {
      yield {
        value: d.value,
        line: d.line,
        offset: d.offset,
        bytes: d.bytes,
        ...(d.buf ? { text: d.buf.toString() } : {}),
      };
    } else {
      const text = d.buf!.toString();
      yield { value: parseJson(text, file, d.line), line: d.line, text, offset: d.offset, bytes: d.bytes };
    }
  }
}

/** A document as read: JSON Lines keep their bytes (`buf`) and are parsed only on request. */
export interface RawDocument {
  value?: Json;
  buf?: Buffer;
  line: number;
  offset: number;
  bytes: number;
}

/** Like readDocuments, but JSON Lines are not decoded or parsed (except the first, to detect the format). */
export async function* readRawDocuments(file: string): AsyncGenerator<RawDocument> {
  for await (const batch of readRawBatches(file)) yield* batch;
}

/** readRawDocuments, one array per chunk read. */
export async function* readRawBatches(file: string): AsyncGenerator<RawDocument[]> {
  let mode: "unknown" | "lines" | "whole" = "unknown";
  const pending: string[] = [];
  for await (const lines of readLineBatches(openInput(file))) {
    const batch: RawDocument[] = [];
    for (const l of lines) {
      const bytes = l.buf.length;
      if (mode === "lines") {
        if (!isBlank(l.buf)) batch.push({ buf: l.buf, line: l.line, offset: l.offset, bytes });
        continue;
      }
      const text = l.buf.toString();
      if (mode === "whole" || text.trim() === "") {
        pending.push(text);
        continue;
      }
      let first: Json | undefined;
      try {
        first = JSON.parse(text) as Json;
      } catch {
        first = undefined;
      }
      if (first !== undefined) {
        // Parsed already, so parseJson's depth check is made here for the first line.
        checkJsonDepth(text, file, l.line);
        mode = "lines";
        pending.length = 0;
        batch.push({ value: first, buf: l.buf, line: l.line, offset: l.offset, bytes });
      } else {
        mode = "whole";
        pending.push(text);
      }
    }
    if (batch.length) yield batch;
  }
  if (mode === "whole") {
    const text = pending.join("\n");
    yield [{ value: parseJson(text, file, 1), line: 1, offset: 0, bytes: Buffer.byteLength(text) }];
  } else if (mode === "unknown") {
    throw new InputError("malformed JSON: the input is empty", {
      code: "malformed_json",
      location: { file, line: 1, column: 1 },
    });
  }
}

function isBlank(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}
