/**
 * Reading OCDS JSON and JSON Lines from files or stdin. JSON Lines are streamed line by line
 * (memory bounded by the longest line); a pretty-printed JSON document is read whole. Malformed
 * JSON becomes an InputError naming the file, line and column.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { findJsonSyntaxError } from "../ocds/json-position.ts";
import type { Json } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";

/** JSON.parse with a located, readable error. `line` is the line the text starts on. */
export function parseJson(text: string, file?: string, line = 1): Json {
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
    if (d.value === undefined) d.value = parseJson(d.text!, file, d.line);
    yield d as Document;
  }
}

export type RawDocument = Omit<Document, "value"> & { value?: Json };

/** Like readDocuments, but JSON Lines are not parsed (except the first line, to detect the format). */
export async function* readRawDocuments(file: string): AsyncGenerator<RawDocument> {
  const it = readLines(openInput(file));
  let mode: "unknown" | "lines" | "whole" = "unknown";
  const pending: string[] = [];
  for await (const l of it) {
    if (mode === "lines") {
      if (l.text.trim() === "") continue;
      yield {
        value: parseJson(l.text, file, l.line),
        line: l.line,
        text: l.text,
        offset: l.offset,
        bytes: l.bytes,
      };
      continue;
    }
    if (mode === "whole") {
      pending.push(l.text);
      continue;
    }
    if (l.text.trim() === "") {
      pending.push(l.text);
      continue;
    }
    let first: Json | undefined;
    try {
      first = JSON.parse(l.text) as Json;
    } catch {
      first = undefined;
    }
    if (first !== undefined) {
      mode = "lines";
      pending.length = 0;
      yield { value: first, line: l.line, text: l.text, offset: l.offset, bytes: l.bytes };
    } else {
      mode = "whole";
      pending.push(l.text);
    }
  }
  if (mode === "whole") {
    const text = pending.join("\n");
    yield { value: parseJson(text, file, 1), line: 1, offset: 0, bytes: Buffer.byteLength(text) };
  } else if (mode === "unknown") {
    throw new InputError("malformed JSON: the input is empty", {
      code: "malformed_json",
      location: { file, line: 1, column: 1 },
    });
  }
}
