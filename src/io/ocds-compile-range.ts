/**
 * One range of the parallel streaming compile (run in a worker thread by
 * ocds-compile-range-worker.ts, or on the main thread): compiles the JSON Lines releases of one byte
 * range of a file on its own, reading the bytes itself, so the main thread does not split,
 * copy or forward lines. It groups releases by the ocid in their text, renders the oldest groups
 * to its own temporary file when its share of the memory budget is full, and reports each
 * output line's ocid. On request it then reads its range again and sends back the releases of
 * the ocids that must be compiled afresh (those split across ranges or reopened in a range).
 *
 * Line numbers are counted from the start of the range; the main thread adds the lines before it.
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
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
  /** Bytes of release text this worker may hold before rendering its oldest groups. */
  budget: number;
  settings: RenderSettings;
  dir: string;
  index: number;
}

export interface RangeFirst {
  type: "first";
  /** Temporary file of output lines, or null when there were none. */
  spill: string | null;
  /** Byte offset of each output line in the spill file, then its size. */
  starts: number[];
  /** The ocid of each output line. */
  ocids: string[];
  /** Ocids seen again after their output line was written. */
  reopened: string[];
  releases: number;
  lines: number;
  /** Warnings; `line` counts from the start of the range. */
  warnings: Issue[];
  /** True when the range holds a package (not a release): the caller compiles on one thread instead. */
  fallback: boolean;
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

export type RangeReply =
  | RangeFirst
  | RangeAgain
  | { type: "rendered"; texts: string[]; warnings: Issue[] }
  | { type: "progress"; bytes: number }
  | { type: "failure"; message: string; location: object; fatal: boolean };

const CHUNK = 4 << 20;
/** Raw bytes of releases rendered at a time. */
const JOB_BYTES = 1 << 20;

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

/**
 * Where each release line of the range is (file offset, length, line) and the number of its
 * ocid, so the releases of a few ocids can be read again without reading the whole range.
 */
export class LineIndex {
  offsets = new Float64Array(1 << 16);
  lengths = new Int32Array(1 << 16);
  lines = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16);
  size = 0;
  readonly idOf = new Map<string, number>();
  /** False when a line's ocid as read from its text proved wrong: then the range is read again instead. */
  exact = true;

  push(ocid: string, offset: number, length: number, line: number): void {
    let id = this.idOf.get(ocid);
    if (id === undefined) {
      id = this.idOf.size;
      this.idOf.set(ocid, id);
    }
    if (this.size === this.ids.length) {
      const n = this.size * 2;
      const grow = <T extends Float64Array | Int32Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.offsets = grow(this.offsets, new Float64Array(n));
      this.lengths = grow(this.lengths, new Int32Array(n));
      this.lines = grow(this.lines, new Int32Array(n));
      this.ids = grow(this.ids, new Int32Array(n));
    }
    const i = this.size++;
    this.offsets[i] = offset;
    this.lengths[i] = length;
    this.lines[i] = line;
    this.ids[i] = id;
  }
}

/** Compiles a range; `index` is filled for secondPass. */
export function firstPass(job: RangeJob, index: LineIndex, onProgress?: (bytes: number) => void): RangeFirst {
  const groups = new Map<string, { items: WireItem[]; bytes: number }>();
  const emitted = new Map<string, number>();
  const reopened = new Set<string>();
  const warnings: Issue[] = [];
  const starts: number[] = [];
  const ocids: string[] = [];
  let spillPath: string | null = null;
  let spillFd: number | null = null;
  let spillBytes = 0;
  let parts: string[] = [];
  let partBytes = 0;
  let held = 0;
  let releases = 0;
  let fallback = false;
  let lastOcid = "";

  const flush = () => {
    if (parts.length === 0) return;
    if (spillFd === null) {
      spillPath = join(job.dir, `range-${job.index}.jsonl`);
      spillFd = openSync(spillPath, "w");
    }
    writeSync(spillFd, parts.join(""));
    parts = [];
    partBytes = 0;
  };
  const render = (batch: RenderGroup[]) => {
    for (const r of renderGroups(batch, null, job.settings)) {
      for (const w of r.warnings) warnings.push(w);
      for (const m of r.misplaced) {
        index.exact = false;
        addParsed(m.value as JsonObject, m.line, m.bytes);
      }
      if (r.text === null) continue;
      emitted.set(r.ocid, ocids.length);
      ocids.push(r.ocid);
      starts.push(spillBytes);
      const size = Buffer.byteLength(r.text) + 1;
      spillBytes += size;
      parts.push(r.text, "\n");
      partBytes += size;
      if (partBytes >= 1 << 20) flush();
    }
  };
  const add = (ocid: string, item: WireItem, bytes: number) => {
    if (emitted.has(ocid)) {
      reopened.add(ocid);
      return;
    }
    let g = groups.get(ocid);
    if (g === undefined) {
      g = { items: [], bytes: 0 };
      groups.set(ocid, g);
    } else if (ocid !== lastOcid) {
      groups.delete(ocid);
      groups.set(ocid, g);
    }
    lastOcid = ocid;
    g.items.push(item);
    g.bytes += bytes;
    held += bytes;
  };
  const addParsed = (value: JsonObject, line: number, bytes: number) => {
    if (isContainer(value) || !isObject(value)) {
      fallback = true;
      return;
    }
    if (typeof value.ocid !== "string") {
      warnings.push({
        severity: "warning",
        code: "missing-ocid",
        path: "$.ocid",
        file: job.file,
        line,
        message: `release ${String(value.id)} has no ocid and is skipped`,
      });
      return;
    }
    add(value.ocid, { release: value, file: job.file, line }, bytes);
  };
  const evict = (target: number) => {
    let batch: RenderGroup[] = [];
    let batchBytes = 0;
    for (const [ocid, g] of groups) {
      if (held <= target) break;
      groups.delete(ocid);
      held -= g.bytes;
      batch.push({ ocid, items: g.items });
      batchBytes += g.bytes;
      if (batchBytes >= JOB_BYTES) {
        render(batch);
        batch = [];
        batchBytes = 0;
      }
    }
    if (batch.length) render(batch);
  };

  let lastReport = 0;
  const lines = eachLine(
    job,
    (buf, line, offset) => {
      const ocid = topLevelOcid(buf);
      if (ocid !== null) {
        releases++;
        index.push(ocid, offset, buf.length, line);
        add(ocid, { buf: Buffer.from(buf), file: job.file, line }, buf.length);
      } else {
        const value = parseJson(buf.toString(), job.file, line);
        if (isObject(value) && !isContainer(value) && typeof value.ocid === "string") {
          releases++;
          index.push(value.ocid, offset, buf.length, line);
        }
        addParsed(value as JsonObject, line, buf.length);
        if (fallback) return false;
      }
      if (held > job.budget) evict(job.budget / 2);
      return true;
    },
    (bytes) => {
      if (bytes - lastReport >= 8 << 20) {
        lastReport = bytes;
        onProgress?.(bytes);
      }
    },
  );
  if (!fallback) while (groups.size > 0) evict(0);
  flush();
  if (spillFd !== null) closeSync(spillFd);
  starts.push(spillBytes);
  return {
    type: "first",
    spill: spillPath,
    starts,
    ocids,
    reopened: [...reopened],
    releases,
    lines,
    warnings,
    fallback,
  };
}

/** The releases of the given ocids in the range, as bytes, in file order. */
export function secondPass(job: RangeJob, index: LineIndex, wanted: Set<string>): RangeAgain {
  const bufs: Buffer[] = [];
  const items: [string, number, number, number][] = [];
  let size = 0;
  if (index.exact) {
    // Only the lines of the wanted ocids, found in the index.
    const names: string[] = [];
    for (const [ocid, id] of index.idOf) if (wanted.has(ocid)) names[id] = ocid;
    const fd = openSync(job.file, "r");
    try {
      for (let i = 0; i < index.size; i++) {
        const ocid = names[index.ids[i]!];
        if (ocid === undefined) continue;
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
  } else
    eachLine(job, (buf, line) => {
      let ocid = topLevelOcid(buf);
      if (ocid === null) {
        const value = parseJson(buf.toString(), job.file, line);
        ocid = isObject(value) && typeof value.ocid === "string" ? value.ocid : null;
      }
      if (ocid !== null && wanted.has(ocid)) {
        bufs.push(Buffer.from(buf));
        items.push([ocid, size, size + buf.length, line]);
        size += buf.length;
      }
      return true;
    });
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
    if (r.text !== null) texts.push(r.text);
  }
  return { type: "rendered", texts, warnings };
}
