/**
 * Line reading for the flags commands: JSON Lines from a file (optionally a byte range of it, for
 * workers) or standard input ("-"), in large chunks, with 1-based line numbers.
 */
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";

export interface LineSource {
  /** File path, or "-" for standard input. */
  file: string;
  /** Byte range [start, end) of the file; whole file when omitted. */
  start?: number;
  end?: number;
}

/**
 * Calls onLine for every line (without its newline). onBytes reports bytes read so far.
 * Returns the number of lines read.
 */
export async function forEachLine(
  src: LineSource,
  onLine: (line: string, lineNo: number) => void,
  onBytes?: (bytes: number) => void,
): Promise<number> {
  const stream =
    src.file === "-"
      ? process.stdin
      : createReadStream(src.file, {
          start: src.start,
          end: src.end !== undefined ? src.end - 1 : undefined,
          highWaterMark: 1 << 20,
        });
  if (src.end !== undefined && src.start !== undefined && src.end <= src.start) return 0;
  const decoder = new StringDecoder("utf8");
  let carry = "";
  let lineNo = 0;
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const text = carry + decoder.write(chunk);
    let from = 0;
    let nl = text.indexOf("\n", from);
    while (nl !== -1) {
      lineNo++;
      const end = nl > from && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(text.slice(from, end), lineNo);
      from = nl + 1;
      nl = text.indexOf("\n", from);
    }
    carry = text.slice(from);
    onBytes?.(bytes);
  }
  carry += decoder.end();
  if (carry !== "") {
    lineNo++;
    onLine(carry.endsWith("\r") ? carry.slice(0, -1) : carry, lineNo);
  }
  return lineNo;
}

/** Splits a file into up to n byte ranges that start at line boundaries. */
export function splitFile(file: string, n: number): { start: number; end: number }[] {
  const size = statSync(file).size;
  if (n <= 1 || size === 0) return [{ start: 0, end: size }];
  const fd = openSync(file, "r");
  try {
    const cuts = [0];
    const buf = Buffer.alloc(1 << 16);
    for (let i = 1; i < n; i++) {
      let pos = Math.max(Math.floor((size * i) / n), cuts[cuts.length - 1] as number);
      let found = -1;
      while (pos < size && found === -1) {
        const read = readSync(fd, buf, 0, buf.length, pos);
        if (read <= 0) break;
        const idx = buf.subarray(0, read).indexOf(10);
        if (idx !== -1) found = pos + idx + 1;
        else pos += read;
      }
      cuts.push(found === -1 ? size : found);
    }
    cuts.push(size);
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i < n; i++) {
      const start = cuts[i] as number;
      const end = cuts[i + 1] as number;
      if (end > start) out.push({ start, end });
    }
    return out.length ? out : [{ start: 0, end: size }];
  } finally {
    closeSync(fd);
  }
}

/** Parses one JSON line, or returns an error message with the column when it is not valid JSON. */
export function parseLine(line: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(line) };
  } catch (err) {
    return { error: (err as Error).message };
  }
}
