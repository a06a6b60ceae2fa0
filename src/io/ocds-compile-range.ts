/**
 * One range of the parallel streaming compile, run in a worker thread
 * (ocds-compile-range-worker.ts): it reads its own byte range of a JSON Lines file of releases,
 * so the main thread does not split, copy or forward lines.
 *
 * 1. `prescan` reads the ocid of every line from its text (parsing only lines where that is not
 *    enough) and indexes the lines: offset, length, line number, ocid number. The main thread
 *    learns which ocids also occur in other ranges ("shared").
 * 2. `compilePass` reads the range again, holds each other ocid's releases as bytes until its
 *    last release in the range, then parses, merges and serialises the group and sends the lines
 *    to the main thread in batches, waiting when the main thread is `AHEAD` batches behind. No
 *    line sent is ever taken back. When the held bytes pass the range's budget, the oldest
 *    groups are dropped and their ocids "deferred".
 * 3. `secondPass` reads back, by the index, the releases of the shared and deferred ocids, which
 *    the main thread groups across ranges and has compiled (`renderShare`).
 *
 * Line numbers are counted from the start of the range; the main thread adds the lines before it.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { parseJson } from "./ocds-json.ts";
import { topLevelOcid } from "./ocds-ocid.ts";
import {
  isContainer,
  type RenderGroup,
  type RenderSettings,
  renderGroups,
  type WireItem,
} from "./ocds-render.ts";

export interface RangeJob {
  file: string;
  start: number;
  end: number;
  /** Bytes of release text this range may hold. */
  budget: number;
  settings: RenderSettings;
  index: number;
  /** One counter per range: batches the main thread has written. */
  acks: SharedArrayBuffer;
}

export interface RangeScan {
  type: "scan";
  /** Every ocid in the range. */
  ocids: string[];
  releases: number;
  lines: number;
  /** Warnings; `line` counts from the start of the range. */
  warnings: Issue[];
  /** True when the range holds a package (not a release): the caller compiles on one thread instead. */
  fallback: boolean;
}

export interface RangeDone {
  type: "done";
  /** Ocids whose groups passed the budget before they were complete. */
  deferred: string[];
  warnings: Issue[];
}

export interface RangeAgain {
  type: "again";
  bytes: ArrayBuffer | null;
  /** Releases of the requested ocids in file order: [ocid, start, end, line] in `bytes`. */
  items: [string, number, number, number][];
}

/** Groups to render, their releases as byte ranges of `bytes`. */
export interface RangeRender {
  type: "render";
  groups: RenderGroup[];
  bytes: ArrayBuffer | null;
}

export type RangeRequest =
  | { type: "shared"; ocids: string[] }
  | { type: "again"; ocids: string[] }
  | RangeRender;

export type RangeReply =
  | RangeScan
  | { type: "batch"; bytes: ArrayBuffer; count: number }
  | RangeDone
  | RangeAgain
  | { type: "rendered"; texts: string[]; warnings: Issue[] }
  | { type: "progress"; bytes: number }
  | { type: "failure"; message: string; location: object; fatal: boolean };

const CHUNK = 4 << 20;
/** Raw bytes of releases rendered at a time. */
const JOB_BYTES = 1 << 20;
/** Characters of output lines per batch sent. */
const BATCH_CHARS = 1 << 20;
/** Batches a range may send ahead of the main thread's writing. */
export const AHEAD = 8;

/** Calls onLine with each non-empty line of [start, end) (a view, valid only during the call). */
function eachLine(
  job: RangeJob,
  onLine: (buf: Buffer, line: number, offset: number) => boolean | undefined,
  onProgress?: (bytes: number) => void,
): number {
  const fd = openSync(job.file, "r");
  let buf = Buffer.allocUnsafe(CHUNK);
  let have = 0;
  let pos = job.start;
  /** File offset of buf[0]. */
  let base = job.start;
  let line = 0;
  let done = 0;
  try {
    for (;;) {
      const want = Math.min(buf.length - have, job.end - pos);
      const n = want > 0 ? readSync(fd, buf, have, want, pos) : 0;
      pos += n;
      have += n;
      const last = n === 0;
      let from = 0;
      for (;;) {
        let nl = buf.indexOf(10, from);
        if (nl < 0 || nl >= have) {
          if (!last || from >= have) break;
          nl = have;
        }
        let end = nl;
        if (end > from && buf[end - 1] === 13) end--;
        line++;
        if (end > from && !blank(buf, from, end)) {
          if (onLine(buf.subarray(from, end), line, base + from) === false) return line;
        }
        from = nl + 1;
      }
      if (last) break;
      done += from;
      onProgress?.(done);
      // Keep the partial line; grow the buffer when one line is longer than it.
      if (from === 0 && have === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, have);
        buf = bigger;
      } else {
        buf.copy(buf, 0, from, have);
        have -= from;
        base += from;
      }
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

function blank(buf: Buffer, from: number, end: number): boolean {
  for (let i = from; i < end; i++) {
    const c = buf[i]!;
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Every non-blank line of the range: file offset, length, line number and ocid number (-1: none). */
export class LineIndex {
  offsets = new Float64Array(1 << 16);
  lengths = new Int32Array(1 << 16);
  lines = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16);
  /** 1 where the ocid could not be read from the text and the line was parsed. */
  parsed = new Uint8Array(1 << 16);
  size = 0;
  readonly idOf = new Map<string, number>();
  readonly names: string[] = [];

  push(ocid: string | null, offset: number, length: number, line: number, parsed: boolean): void {
    let id = -1;
    if (ocid !== null) {
      const known = this.idOf.get(ocid);
      if (known === undefined) {
        id = this.names.length;
        this.idOf.set(ocid, id);
        this.names.push(ocid);
      } else id = known;
    }
    if (this.size === this.ids.length) {
      const n = this.size * 2;
      const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.offsets = grow(this.offsets, new Float64Array(n));
      this.lengths = grow(this.lengths, new Int32Array(n));
      this.lines = grow(this.lines, new Int32Array(n));
      this.ids = grow(this.ids, new Int32Array(n));
      this.parsed = grow(this.parsed, new Uint8Array(n));
    }
    const i = this.size++;
    this.offsets[i] = offset;
    this.lengths[i] = length;
    this.lines[i] = line;
    this.ids[i] = id;
    this.parsed[i] = parsed ? 1 : 0;
  }
}

/** The release in a line: its ocid read from the text, or parsed; `undefined` for a package. */
function ocidOf(
  buf: Buffer,
  file: string,
  line: number,
): { ocid: string | null; value?: JsonObject } | undefined {
  const ocid = topLevelOcid(buf);
  if (ocid !== null) return { ocid };
  const value = parseJson(buf.toString(), file, line);
  if (!isObject(value) || isContainer(value)) return undefined;
  return { ocid: typeof value.ocid === "string" ? value.ocid : null, value };
}

/** The ocid read from a line's text was the first of two "ocid" keys; JSON.parse keeps the last. */
function twoOcids(file: string, line: number): InputError {
  return new InputError('the release has more than one "ocid" key', {
    location: { file, line, path: "$.ocid" },
  });
}

/** Step 1: indexes the range's lines and lists its ocids. */
export function prescan(job: RangeJob, index: LineIndex, onProgress?: (bytes: number) => void): RangeScan {
  const warnings: Issue[] = [];
  let releases = 0;
  let fallback = false;
  let lastReport = 0;
  const lines = eachLine(
    job,
    (buf, line, offset) => {
      const found = ocidOf(buf, job.file, line);
      if (found === undefined) {
        fallback = true;
        return false;
      }
      if (found.ocid === null) {
        warnings.push({
          severity: "warning",
          code: "missing-ocid",
          path: "$.ocid",
          file: job.file,
          line,
          message: `release ${String(found.value?.id)} has no ocid and is skipped`,
        });
      } else releases++;
      index.push(found.ocid, offset, buf.length, line, found.value !== undefined);
      return true;
    },
    (bytes) => {
      if (bytes - lastReport >= 16 << 20) {
        lastReport = bytes;
        onProgress?.(bytes / 4);
      }
    },
  );
  return { type: "scan", ocids: fallback ? [] : index.names, releases, lines, warnings, fallback };
}

/** Step 2: compiles the ocids found only in this range, sending the lines in batches. */
export function compilePass(
  job: RangeJob,
  index: LineIndex,
  shared: Set<string>,
  send: (bytes: ArrayBuffer, count: number) => void,
  onProgress?: (bytes: number) => void,
): RangeDone {
  const count = index.names.length;
  const last = new Int32Array(count).fill(-1);
  for (let i = 0; i < index.size; i++) {
    const id = index.ids[i]!;
    if (id >= 0) last[id] = i;
  }
  const skip = new Uint8Array(count);
  index.names.forEach((o, id) => {
    if (shared.has(o)) skip[id] = 1;
  });
  const deferred: string[] = [];
  const warnings: Issue[] = [];
  const groups = new Map<number, { items: WireItem[]; bytes: number }>();
  let held = 0;
  let ready: RenderGroup[] = [];
  let readyBytes = 0;
  let texts: string[] = [];
  let chars = 0;
  let lastId = -1;

  const sendTexts = () => {
    if (texts.length === 0) return;
    // One output fragment, encoded here rather than on the main thread: lines joined by commas in
    // a record package, by newlines otherwise.
    const text = job.settings.package ? texts.join(",") : `${texts.join("\n")}\n`;
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
    bytes.write(text);
    send(bytes.buffer as ArrayBuffer, texts.length);
    texts = [];
    chars = 0;
  };
  const render = () => {
    for (const r of renderGroups(ready, null, job.settings)) {
      for (const w of r.warnings) warnings.push(w);
      const m = r.misplaced[0];
      if (m !== undefined) throw twoOcids(job.file, m.line);
      if (r.text === null) continue;
      texts.push(r.text);
      chars += r.text.length;
      if (chars >= BATCH_CHARS) sendTexts();
    }
    ready = [];
    readyBytes = 0;
  };

  let j = 0;
  let lastReport = 0;
  eachLine(
    job,
    (buf, line) => {
      // The lines come in the order they were indexed.
      const at = j++;
      const id = index.ids[at]!;
      if (id < 0 || skip[id] === 1) return true;
      const ocid = index.names[id]!;
      const item: WireItem =
        index.parsed[at] === 1
          ? { release: parseJson(buf.toString(), job.file, line) as JsonObject, file: job.file, line }
          : { buf: Buffer.from(buf), file: job.file, line };
      let g = groups.get(id);
      if (g === undefined) {
        g = { items: [], bytes: 0 };
        groups.set(id, g);
      } else if (id !== lastId) {
        groups.delete(id);
        groups.set(id, g);
      }
      lastId = id;
      g.items.push(item);
      g.bytes += buf.length;
      held += buf.length;
      if (last[id] === at) {
        groups.delete(id);
        held -= g.bytes;
        ready.push({ ocid, items: g.items });
        readyBytes += g.bytes;
        if (readyBytes >= JOB_BYTES) render();
      }
      if (held > job.budget) {
        // Too much held: drop the oldest groups; their ocids are compiled at the end.
        for (const [oid, og] of groups) {
          if (held <= job.budget / 2) break;
          groups.delete(oid);
          held -= og.bytes;
          skip[oid] = 1;
          deferred.push(index.names[oid]!);
        }
      }
      return true;
    },
    (bytes) => {
      if (bytes - lastReport >= 8 << 20) {
        lastReport = bytes;
        onProgress?.((job.end - job.start) / 4 + (bytes * 3) / 4);
      }
    },
  );
  render();
  sendTexts();
  return { type: "done", deferred, warnings };
}

/** The releases of the given ocids in the range, as bytes, in file order. */
export function secondPass(job: RangeJob, index: LineIndex, wanted: Set<string>): RangeAgain {
  const bufs: Buffer[] = [];
  const items: [string, number, number, number][] = [];
  let size = 0;
  {
    // Only the lines of the wanted ocids, found in the index.
    const names = index.names;
    const fd = openSync(job.file, "r");
    try {
      for (let i = 0; i < index.size; i++) {
        const id = index.ids[i]!;
        if (id < 0 || !wanted.has(names[id]!)) continue;
        const ocid = names[id]!;
        const len = index.lengths[i]!;
        const b = Buffer.allocUnsafe(len);
        if (readSync(fd, b, 0, len, index.offsets[i]!) !== len)
          throw new Error(`${job.file} changed while it was read`);
        bufs.push(b);
        items.push([ocid, size, size + len, index.lines[i]!]);
        size += len;
      }
    } finally {
      closeSync(fd);
    }
  }
  if (size === 0) return { type: "again", bytes: null, items };
  const all = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const b of bufs) {
    b.copy(all, at);
    at += b.length;
  }
  return { type: "again", bytes: all.buffer as ArrayBuffer, items };
}

/** Renders groups sent back to a range: the lines, and the warnings. */
export function renderShare(msg: RangeRender, settings: RenderSettings): RangeReply {
  const warnings: Issue[] = [];
  const texts: string[] = [];
  for (const r of renderGroups(msg.groups, msg.bytes ? Buffer.from(msg.bytes) : null, settings)) {
    for (const w of r.warnings) warnings.push(w);
    const m = r.misplaced[0];
    if (m !== undefined) throw twoOcids(m.file, m.line);
    if (r.text !== null) texts.push(r.text);
  }
  return { type: "rendered", texts, warnings };
}
