/**
 * One partition of the parallel streaming compile, run in a worker thread
 * (ocds-compile-partition-worker.ts). Each of n workers reads every input file of release lines
 * but keeps only the ocids that hash to its own partition, so no ocid is split between threads
 * and no release passes through the main thread.
 *
 * 1. `scanPartition` reads each line's ocid from its text (parsing only lines where that is not
 *    enough) and indexes the partition's lines: file, offset, length, line number, ocid number.
 *    Lines of other partitions cost no string (the ocid is hashed from its bytes); the
 *    partition's own lines have their nesting depth checked there, on their bytes.
 * 2. `planPasses` splits the ocids into passes over the files so that, in each pass, the releases
 *    held (an ocid's, from its first line to its last) stay within the memory budget: ocids are
 *    taken in the order they start while their whole groups fit. Releases of one ocid close
 *    together (the usual case) take one pass; a shuffled file takes a few.
 * 3. `compilePartition` reads, pass by pass, only the indexed lines of the pass's ocids, decoding
 *    each straight from the read buffer, and renders each group at its last line (each release
 *    parsed once, then), encoding the output lines into the batches it sends.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { parseJson } from "./ocds-json.ts";
import { checkJsonDepth, MAX_JSON_DEPTH } from "../shared/json-depth.ts";
import { bytesTooDeep, findTopLevelOcid, ocidAt, ocidText } from "./ocds-ocid.ts";
import {
  isContainer,
  type RenderGroup,
  type RenderSettings,
  renderGroups,
  type WireItem,
} from "./ocds-render.ts";

export interface PartitionJob {
  files: string[];
  /** This worker's partition, of `n`. */
  part: number;
  n: number;
  /** Bytes of release text this worker may hold. */
  budget: number;
  settings: RenderSettings;
  /** One counter per worker: batches the main thread has written. */
  acks: SharedArrayBuffer;
}

export interface PartitionScan {
  type: "scan";
  releases: number;
  warnings: Issue[];
  /** True when a line is not a release (a package, or not JSON): the caller compiles on one thread. */
  fallback: boolean;
}

export interface PartitionDone {
  type: "done";
  /** Ocids compiled in a pass after the first (their releases were far apart). */
  later: number;
  warnings: Issue[];
}

export type PartitionReply =
  | PartitionScan
  | { type: "batch"; bytes: ArrayBuffer; length: number; count: number }
  | PartitionDone
  | { type: "progress"; bytes: number }
  | { type: "failure"; message: string; location: object; fatal: boolean };

/** Raw bytes of releases rendered at a time. */
const JOB_BYTES = 1 << 20;
/** Characters of output lines per batch sent. */
const BATCH_CHARS = 1 << 20;
/** Bytes first allocated for a batch (grown when its lines need more). */
const BATCH_BYTES = 3 << 19;
/** Bytes read at a time in a compile pass. */
const WINDOW = 4 << 20;

const READ_CHUNK = 4 << 20;

/** Calls onLine with each non-empty line of [start, end) (a view, valid only during the call). */
export function eachLine(
  job: { file: string; start: number; end: number },
  onLine: (buf: Buffer, line: number, offset: number) => boolean | undefined,
  onProgress?: (bytes: number) => void,
): number {
  const fd = openSync(job.file, "r");
  let buf = Buffer.allocUnsafe(READ_CHUNK);
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

/** FNV-1a of the ocid's UTF-16 code units: the partition an ocid belongs to. */
export function partitionOf(ocid: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < ocid.length; i++) {
    h ^= ocid.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** partitionOf of an ocid given as ASCII bytes (its bytes are its UTF-16 code units), not decoded. */
export function partitionOfBytes(buf: Buffer, start: number, end: number, n: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** The partition's lines: file, offset, length, line number and ocid number. */
export class PartitionIndex {
  files = new Uint16Array(1 << 16);
  offsets = new Float64Array(1 << 16);
  lengths = new Int32Array(1 << 16);
  lines = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16);
  parsed = new Uint8Array(1 << 16);
  size = 0;
  readonly idOf = new Map<string, number>();
  readonly names: string[] = [];

  push(ocid: string, file: number, offset: number, length: number, line: number, parsed: boolean): void {
    let id = this.idOf.get(ocid);
    if (id === undefined) {
      id = this.names.length;
      this.idOf.set(ocid, id);
      this.names.push(ocid);
    }
    if (this.size === this.ids.length) {
      const n = this.size * 2;
      const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, b: T): T => {
        b.set(a);
        return b;
      };
      this.files = grow(this.files, new Uint16Array(n));
      this.offsets = grow(this.offsets, new Float64Array(n));
      this.lengths = grow(this.lengths, new Int32Array(n));
      this.lines = grow(this.lines, new Int32Array(n));
      this.ids = grow(this.ids, new Int32Array(n));
      this.parsed = grow(this.parsed, new Uint8Array(n));
    }
    const i = this.size++;
    this.files[i] = file;
    this.offsets[i] = offset;
    this.lengths[i] = length;
    this.lines[i] = line;
    this.ids[i] = id;
    this.parsed[i] = parsed ? 1 : 0;
  }
}

/** Step 1: indexes the partition's lines of every file. Warnings are reported by partition 0 only. */
export function scanPartition(
  job: PartitionJob,
  index: PartitionIndex,
  onProgress?: (bytes: number) => void,
): PartitionScan {
  const warnings: Issue[] = [];
  let releases = 0;
  let fallback = false;
  let before = 0;
  job.files.forEach((file, f) => {
    if (fallback) return;
    const size = statSync(file).size;
    eachLine(
      { file, start: 0, end: size },
      (buf, line, offset) => {
        // The ocid from the text where it can be read there; the partition from its bytes, so
        // the lines of other partitions cost no string.
        const end = findTopLevelOcid(buf);
        let ocid: string;
        let parsed = false;
        if (end >= 0) {
          if (ocidAt.plain) {
            if (partitionOfBytes(buf, ocidAt.start, end, job.n) !== job.part) return true;
          } else if (partitionOf(ocidText(buf, end), job.n) !== job.part) return true;
          // The depth check of the partition's own lines, on their bytes: they are parsed
          // later without it.
          if (bytesTooDeep(buf, MAX_JSON_DEPTH)) checkJsonDepth(buf.toString(), file, line);
          ocid = ocidText(buf, end);
        } else {
          let value: unknown;
          try {
            value = parseJson(buf.toString(), file, line);
          } catch {
            // Not one JSON value a line: one thread reads it (and names what is wrong).
            fallback = true;
            return false;
          }
          if (!isObject(value) || isContainer(value as JsonObject)) {
            fallback = true;
            return false;
          }
          parsed = true;
          if (typeof value.ocid !== "string") {
            if (job.part === 0)
              warnings.push({
                severity: "warning",
                code: "missing-ocid",
                path: "$.ocid",
                file,
                line,
                message: `release ${String(value.id)} has no ocid and is skipped`,
              });
            return true;
          }
          ocid = value.ocid;
          if (partitionOf(ocid, job.n) !== job.part) return true;
        }
        releases++;
        index.push(ocid, f, offset, buf.length, line, parsed);
        return true;
      },
      (bytes) => onProgress?.((before + bytes) / 4),
    );
    before += size;
  });
  return { type: "scan", releases, warnings, fallback };
}

/**
 * Step 2: the pass each ocid is compiled in. In each pass an ocid is taken, at its first line,
 * when its whole group fits beside the groups open at that point (or when nothing is open).
 */
export function planPasses(index: PartitionIndex, budget: number): { pass: Int32Array; passes: number } {
  const count = index.names.length;
  const first = new Int32Array(count).fill(-1);
  const last = new Int32Array(count);
  const bytes = new Float64Array(count);
  for (let i = 0; i < index.size; i++) {
    const id = index.ids[i]!;
    if (first[id] === -1) first[id] = i;
    last[id] = i;
    bytes[id] = bytes[id]! + index.lengths[i]!;
  }
  const pass = new Int32Array(count).fill(-1);
  let left = count;
  let p = 0;
  while (left > 0) {
    let held = 0;
    for (let i = 0; i < index.size; i++) {
      const id = index.ids[i]!;
      const at = pass[id]!;
      if (at === -1 && first[id] === i && (held === 0 || held + bytes[id]! <= budget)) {
        pass[id] = p;
        held += bytes[id]!;
        left--;
      }
      if (pass[id] === p && last[id] === i) held -= bytes[id]!;
    }
    p++;
  }
  return { pass, passes: p };
}

/** The two "ocid" keys case: the ocid read from the text was not the one JSON.parse kept. */
function twoOcids(file: string, line: number): InputError {
  return new InputError('the release has more than one "ocid" key', {
    location: { file, line, path: "$.ocid" },
  });
}

/** Step 3: compiles the partition pass by pass, sending the output lines in batches. */
export function compilePartition(
  job: PartitionJob,
  index: PartitionIndex,
  send: (bytes: ArrayBuffer, length: number, count: number) => void,
  onProgress?: (fraction: number) => void,
): PartitionDone {
  const { pass, passes } = planPasses(index, job.budget);
  const count = index.names.length;
  const last = new Int32Array(count);
  for (let i = 0; i < index.size; i++) last[index.ids[i]!] = i;
  let later = 0;
  for (let id = 0; id < count; id++) if (pass[id]! > 0) later++;
  const warnings: Issue[] = [];
  // The batch being filled: each output line is encoded into it as it is rendered (no joined
  // string, no second pass to measure it); a batch ends once it holds BATCH_CHARS characters.
  let out = Buffer.allocUnsafeSlow(BATCH_BYTES);
  let used = 0;
  let lines = 0;
  let chars = 0;
  let ready: RenderGroup[] = [];
  let readyBytes = 0;

  const sendTexts = () => {
    if (lines === 0) return;
    send(out.buffer as ArrayBuffer, used, lines);
    out = Buffer.allocUnsafeSlow(BATCH_BYTES);
    used = 0;
    lines = 0;
    chars = 0;
  };
  const addText = (text: string) => {
    const sep = lines === 0 ? 0 : 1;
    // At most three bytes a UTF-16 code unit, and the separator and newline.
    const room = text.length * 3 + 2;
    if (used + room > out.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(out.length * 2, used + room));
      out.copy(bigger, 0, 0, used);
      out = bigger;
    }
    if (job.settings.package) {
      if (sep) out[used++] = 44;
      used += out.write(text, used);
    } else {
      used += out.write(text, used);
      out[used++] = 10;
    }
    lines++;
    chars += text.length;
    if (chars >= BATCH_CHARS) sendTexts();
  };
  const render = () => {
    for (const r of renderGroups(ready, null, job.settings)) {
      for (const w of r.warnings) warnings.push(w);
      const m = r.misplaced[0];
      if (m !== undefined) throw twoOcids(m.file, m.line);
      if (r.text === null) continue;
      addText(r.text);
    }
    ready = [];
    readyBytes = 0;
  };

  const fds = job.files.map((f) => openSync(f, "r"));
  try {
    let window = Buffer.allocUnsafe(WINDOW);
    for (let p = 0; p < passes; p++) {
      const groups = new Map<number, WireItem[]>();
      let wFile = -1;
      let wStart = 0;
      let wEnd = 0;
      for (let i = 0; i < index.size; i++) {
        const id = index.ids[i]!;
        if (pass[id] !== p) continue;
        const f = index.files[i]!;
        const off = index.offsets[i]!;
        const len = index.lengths[i]!;
        if (f !== wFile || off < wStart || off + len > wEnd) {
          if (len > window.length) window = Buffer.allocUnsafe(len);
          const n = readSync(fds[f]!, window, 0, window.length, off);
          if (n < len) throw new Error(`${job.files[f]} changed while it was read`);
          wFile = f;
          wStart = off;
          wEnd = off + n;
        }
        const file = job.files[f]!;
        const line = index.lines[i]!;
        const from = off - wStart;
        // Decoded straight from the window (no copy of the bytes): the text is parsed when its
        // group is complete, once, its depth checked by the scan.
        const item: WireItem =
          index.parsed[i] === 1
            ? {
                release: parseJson(window.toString("utf8", from, from + len), file, line) as JsonObject,
                file,
                line,
              }
            : { text: window.toString("utf8", from, from + len), file, line };
        let g = groups.get(id);
        if (g === undefined) {
          g = [];
          groups.set(id, g);
        }
        g.push(item);
        readyBytes += len;
        if (last[id] === i) {
          groups.delete(id);
          ready.push({ ocid: index.names[id]!, items: g });
          if (readyBytes >= JOB_BYTES) render();
        }
      }
      render();
      onProgress?.((p + 1) / passes);
    }
  } finally {
    for (const fd of fds) closeSync(fd);
  }
  sendTexts();
  return { type: "done", later, warnings };
}
