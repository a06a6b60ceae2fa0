/**
 * One partition of the parallel streaming compile, run in a worker thread
 * (ocds-compile-partition-worker.ts). Each of n workers reads every input file of release lines
 * but keeps only the ocids that hash to its own partition, so no ocid is split between threads
 * and no release passes through the main thread.
 *
 * 1. `scanPartition` reads each line's ocid from its text (parsing only lines where that is not
 *    enough) and indexes the partition's lines: file, offset, length, line number, ocid number.
 *    Lines of other partitions cost no string (the ocid is hashed from its bytes); of the
 *    partition's own lines it notes which are ASCII. Their nesting depth is checked once they are
 *    parsed, on the parsed value (JSON.parse does not recurse; the walk over the value costs a
 *    quarter of one over the bytes).
 * 2. `compilePartition` goes through the index in file order and compiles each ocid at its last
 *    line: its lines are decoded from the read window when they are in it (releases of one ocid
 *    close together, the usual case) and read back by their position when they are not (a
 *    shuffled file), so no release text is held as the files are read and one read of the files
 *    does, whatever the memory budget. Each release is parsed once, then; the output lines are
 *    encoded into the batches it sends.
 */
import { isAscii } from "node:buffer";
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { startsWithBom, UTF8_BOM_BYTES } from "./bom.ts";
import { checkJsonDepth, valueTooDeep } from "../shared/json-depth.ts";
import { parseDepthChecked, parseJson } from "./ocds-json.ts";
import { findTopLevelOcid, ocidAt, ocidText } from "./ocds-ocid.ts";
import {
  isContainer,
  type RenderGroup,
  type RenderSettings,
  renderGroups,
  type WireItem,
} from "./ocds-render.ts";

export interface PartitionJob {
  /** The files read, and their names in messages ("-" for a copy of stdin). */
  files: string[];
  names: string[];
  /** This worker's partition, of `n`. */
  part: number;
  n: number;
  /** Bytes of release text this worker may hold. */
  budget: number;
  settings: RenderSettings;
  /** One counter per worker: batches the main thread has written. */
  acks: SharedArrayBuffer;
  /** The worker's end of the channel the main thread sends written batches' buffers back on. */
  returns?: MessagePort;
  /** The partition's index when the main thread made it (packages): the worker does not scan. */
  index?: PartitionIndexData;
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
  /** Ocids with a release read back by its position (their releases were far apart). */
  later: number;
  warnings: Issue[];
}

export type PartitionReply =
  | PartitionScan
  | { type: "batch"; bytes: ArrayBuffer; length: number; count: number }
  | PartitionDone
  | { type: "progress"; bytes: number }
  | { type: "failure"; message: string; location: object; fatal: boolean };

/** Raw bytes of releases rendered at a time (a little: what is parsed dies young). */
const JOB_BYTES = 1 << 16;
/** Characters of output lines per batch sent. */
const BATCH_CHARS = 1 << 20;
/** Bytes first allocated for a batch (grown when its lines need more). */
const BATCH_BYTES = 3 << 19;
/** Bytes read at a time as the compile goes through the files (less when the budget is less). */
const WINDOW = 4 << 20;

const READ_CHUNK = 4 << 20;

/**
 * Calls onLine with each non-empty line of [start, end): its bytes are buf[from, to), valid only
 * during the call.
 */
export function eachLine(
  job: { file: string; start: number; end: number },
  onLine: (buf: Buffer, from: number, to: number, line: number, offset: number) => boolean | undefined,
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
        // A byte order mark before the file's first line is not part of it.
        if (base + from === 0 && startsWithBom(buf, from, end)) from += UTF8_BOM_BYTES;
        line++;
        if (end > from && !blank(buf, from, end)) {
          if (onLine(buf, from, end, line, base + from) === false) return line;
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

/** Index flag: the scan parsed the line (its ocid was not in its text); it is parsed again, checked. */
export const PARSED = 1;
/** Index flag: the line's bytes are ASCII, decoded byte for byte. */
export const ASCII = 2;

/** A partition's index as sent to its worker: its arrays (the first `size` entries used), and its ocids. */
export interface PartitionIndexData {
  size: number;
  files: Uint16Array<ArrayBuffer>;
  offsets: Float64Array<ArrayBuffer>;
  lengths: Int32Array<ArrayBuffer>;
  lines: Int32Array<ArrayBuffer>;
  ids: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  names: string[];
}

/** The partition's lines: file, offset, length, line number, ocid number and flags. */
export class PartitionIndex {
  files = new Uint16Array(1 << 16);
  offsets = new Float64Array(1 << 16);
  lengths = new Int32Array(1 << 16);
  lines = new Int32Array(1 << 16);
  ids = new Int32Array(1 << 16);
  /** PARSED, ASCII. */
  flags = new Uint8Array(1 << 16);
  size = 0;
  readonly idOf = new Map<string, number>();
  readonly names: string[] = [];

  /** An index made elsewhere (the releases of packages, indexed by the main thread). */
  static of(data: PartitionIndexData): PartitionIndex {
    const index = new PartitionIndex();
    index.size = data.size;
    index.files = data.files;
    index.offsets = data.offsets;
    index.lengths = data.lengths;
    index.lines = data.lines;
    index.ids = data.ids;
    index.flags = data.flags;
    for (const [id, ocid] of data.names.entries()) {
      index.names.push(ocid);
      index.idOf.set(ocid, id);
    }
    return index;
  }

  /**
   * The index to send to a worker: its arrays themselves, whose first `size` entries are used
   * (sent, not copied: this index is not used again here).
   */
  data(): PartitionIndexData {
    const { size, files, offsets, lengths, lines, ids, flags, names } = this;
    return { size, files, offsets, lengths, lines, ids, flags, names };
  }

  push(ocid: string, file: number, offset: number, length: number, line: number, flags: number): void {
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
      this.flags = grow(this.flags, new Uint8Array(n));
    }
    const i = this.size++;
    this.files[i] = file;
    this.offsets[i] = offset;
    this.lengths[i] = length;
    this.lines[i] = line;
    this.ids[i] = id;
    this.flags[i] = flags;
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
  job.files.forEach((path, f) => {
    if (fallback) return;
    const size = statSync(path).size;
    /** The file's name in messages. */
    const file = job.names[f]!;
    eachLine(
      { file: path, start: 0, end: size },
      (buf, from, to, line, offset) => {
        // The ocid from the text where it can be read there; the partition from its bytes, so
        // the lines of other partitions cost no string.
        const end = findTopLevelOcid(buf, from, to);
        let ocid: string;
        let flags = 0;
        if (end >= 0) {
          if (ocidAt.plain) {
            if (partitionOfBytes(buf, ocidAt.start, end, job.n) !== job.part) return true;
          } else if (partitionOf(ocidText(buf, end), job.n) !== job.part) return true;
          // Whether the line is ASCII (then decoded byte for byte); its depth is checked once it
          // is parsed, on the parsed value (cheaper than on its bytes).
          if (isAscii(buf.subarray(from, to))) flags = ASCII;
          ocid = ocidText(buf, end);
        } else {
          let value: unknown;
          try {
            value = parseJson(buf.toString("utf8", from, to), file, line);
          } catch {
            // Not one JSON value a line: one thread reads it (and names what is wrong).
            fallback = true;
            return false;
          }
          if (!isObject(value) || isContainer(value as JsonObject)) {
            fallback = true;
            return false;
          }
          flags = PARSED;
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
        index.push(ocid, f, offset, to - from, line, flags);
        return true;
      },
      (bytes) => onProgress?.((before + bytes) / 4),
    );
    before += size;
  });
  return { type: "scan", releases, warnings, fallback };
}

/** The two "ocid" keys case: the ocid read from the text was not the one JSON.parse kept. */
function twoOcids(file: string, line: number): InputError {
  return new InputError('the release has more than one "ocid" key', {
    location: { file, line, path: "$.ocid" },
  });
}

/**
 * Step 2: compiles the partition, each ocid when its last line is reached: its lines are decoded
 * from the read window when they are in it, and read back by their position when they are not
 * (the releases of a shuffled file), so no release text is held while the file is read.
 */
export function compilePartition(
  job: PartitionJob,
  index: PartitionIndex,
  send: (bytes: ArrayBuffer, length: number, count: number) => void,
  /** A written batch's buffer to fill again, when one has come back (fresh memory costs page faults). */
  reuse: () => ArrayBuffer | undefined = () => undefined,
  /** Told the share of the partition's lines gone through, now and then. */
  onProgress?: (fraction: number) => void,
): PartitionDone {
  const c = new PartitionCompiler(job, index, send, reuse, onProgress);
  try {
    c.run();
  } finally {
    c.close();
  }
  return { type: "done", later: c.later, warnings: c.warnings };
}

/**
 * The state of compilePartition. Each step is a small method, so that the engine optimises the
 * short loop over the lines apart from the work done once per ocid.
 */
class PartitionCompiler {
  later = 0;
  readonly warnings: Issue[] = [];
  /** prev[i]: the partition's line before line i of the same ocid (-1 for its first). */
  private readonly prev: Int32Array;
  /** last[id]: the ocid's last line. */
  private readonly last: Int32Array;
  private readonly fds: number[];
  private readonly size: number;
  private window: Buffer;
  private wFile = -1;
  private wStart = 0;
  private wEnd = 0;
  private scratch = Buffer.allocUnsafe(1 << 16);
  private readonly chain: number[] = [];
  // The batch being filled: each output line is encoded into it as it is rendered (no joined
  // string, no second pass to measure it); a batch ends once it holds BATCH_CHARS characters.
  private out = Buffer.allocUnsafeSlow(BATCH_BYTES);
  private used = 0;
  private lines = 0;
  private chars = 0;
  private ready: RenderGroup[] = [];
  private readyBytes = 0;

  constructor(
    private readonly job: PartitionJob,
    private readonly index: PartitionIndex,
    private readonly send: (bytes: ArrayBuffer, length: number, count: number) => void,
    private readonly reuse: () => ArrayBuffer | undefined,
    private readonly onProgress?: (fraction: number) => void,
  ) {
    const prev = new Int32Array(index.size);
    const last = new Int32Array(index.names.length).fill(-1);
    for (let i = 0; i < index.size; i++) {
      const id = index.ids[i]!;
      prev[i] = last[id]!;
      last[id] = i;
    }
    this.prev = prev;
    this.last = last;
    this.size = Math.max(1 << 12, Math.min(WINDOW, Math.floor(job.budget)));
    this.window = Buffer.allocUnsafe(this.size);
    this.fds = [];
    for (const f of job.files) this.fds.push(openSync(f, "r"));
  }

  run(): void {
    const { ids } = this.index;
    const last = this.last;
    const n = this.index.size;
    for (let i = 0; i < n; i++) {
      if (last[ids[i]!] === i) this.group(i);
      if ((i & 4095) === 4095) this.onProgress?.(i / n);
    }
    this.render();
    this.sendTexts();
  }

  close(): void {
    for (const fd of this.fds) closeSync(fd);
  }

  /** The ocid whose last line is line i: its lines, in file order, ready to render. */
  private group(i: number): void {
    const { index, chain, prev } = this;
    chain.length = 0;
    for (let k = i; k !== -1; k = prev[k]!) chain.push(k);
    const f = index.files[i]!;
    const off = index.offsets[i]!;
    if (f !== this.wFile || off < this.wStart || off + index.lengths[i]! > this.wEnd) this.moveWindow(i);
    const items: WireItem[] = [];
    let back = false;
    for (let c = chain.length - 1; c >= 0; c--) {
      const k = chain[c]!;
      const file = this.job.names[index.files[k]!]!;
      const line = index.lines[k]!;
      let text: string;
      if (this.inWindow(k)) text = this.fromWindow(k);
      else {
        back = true;
        text = this.readBack(k);
      }
      // The text is parsed once, and its depth checked on the parsed value; a line the scan
      // parsed (its ocid was not in its text) is parsed here with the check on its text. A
      // release of a package is parsed here, so that an error on its first line, which may start
      // after other text, is placed in the line's own columns.
      items.push(
        index.flags[k]! & PARSED
          ? { release: parseJson(text, file, line) as JsonObject, file, line }
          : this.job.index
            ? { release: this.parseRelease(k, text, file, line), file, line }
            : { text, file, line, checkParsed: true },
      );
      this.readyBytes += index.lengths[k]!;
    }
    if (back) this.later++;
    this.ready.push({ ocid: index.names[index.ids[i]!]!, items });
    if (this.readyBytes >= JOB_BYTES) this.render();
  }

  /** A package's release parsed, its nesting checked; an error on its first line given the line's columns. */
  private parseRelease(k: number, text: string, file: string, line: number): JsonObject {
    try {
      const value = parseDepthChecked(text, file, line);
      if (valueTooDeep(value)) checkJsonDepth(text, file, line);
      return value as JsonObject;
    } catch (e) {
      if (!(e instanceof InputError) || e.location.line !== line || e.location.column === undefined) throw e;
      throw new InputError(e.message, {
        code: e.code,
        location: { ...e.location, column: e.location.column + this.columnsBefore(k) },
      });
    }
  }

  /** The characters on line k's first line before it (a package's release need not start its line). */
  private columnsBefore(k: number): number {
    const fd = this.fds[this.index.files[k]!]!;
    const off = this.index.offsets[k]!;
    const chunk = Buffer.allocUnsafe(1 << 20);
    // Back from the release to the line break before it, a MiB at a time.
    let start = off;
    while (start > 0) {
      const from = Math.max(0, start - chunk.length);
      const n = readSync(fd, chunk, 0, start - from, from);
      const nl = chunk.subarray(0, n).lastIndexOf(10);
      if (nl >= 0) {
        start = from + nl + 1;
        break;
      }
      start = from;
    }
    // Then forward, counting characters as JavaScript does (UTF-16 code units).
    let chars = 0;
    for (let at = start; at < off; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, off - at), at);
      if (n === 0) break;
      chars += chunk.toString("utf8", 0, n).length;
      at += n;
    }
    return chars;
  }

  /**
   * Reads the window that holds line i: starting a little before it (the groups ending next
   * began before it), or at the line's group's first line when the whole group fits.
   */
  private moveWindow(i: number): void {
    const { index } = this;
    const f = index.files[i]!;
    const off = index.offsets[i]!;
    const end = off + index.lengths[i]!;
    const first = this.chain[this.chain.length - 1]!;
    let start = Math.max(0, off - (this.size >> 2));
    const firstOff = index.offsets[first]!;
    if (index.files[first] === f && firstOff < start && end - firstOff <= this.size) start = firstOff;
    if (end - start > this.window.length) this.window = Buffer.allocUnsafe(end - start);
    const n = readSync(this.fds[f]!, this.window, 0, this.window.length, start);
    if (start + n < end) throw changed(this.job.names[f]!);
    this.wFile = f;
    this.wStart = start;
    this.wEnd = start + n;
  }

  private inWindow(k: number): boolean {
    const off = this.index.offsets[k]!;
    return (
      this.index.files[k] === this.wFile && off >= this.wStart && off + this.index.lengths[k]! <= this.wEnd
    );
  }

  private fromWindow(k: number): string {
    const from = this.index.offsets[k]! - this.wStart;
    const to = from + this.index.lengths[k]!;
    return this.index.flags[k]! & ASCII
      ? this.window.toString("latin1", from, to)
      : this.window.toString("utf8", from, to);
  }

  /** Line k read again from its file by its position (it is no longer in the window). */
  private readBack(k: number): string {
    const len = this.index.lengths[k]!;
    const f = this.index.files[k]!;
    if (len > this.scratch.length) this.scratch = Buffer.allocUnsafe(len);
    if (readSync(this.fds[f]!, this.scratch, 0, len, this.index.offsets[k]!) < len)
      throw changed(this.job.names[f]!);
    return this.index.flags[k]! & ASCII
      ? this.scratch.toString("latin1", 0, len)
      : this.scratch.toString("utf8", 0, len);
  }

  private render(): void {
    for (const r of renderGroups(this.ready, null, this.job.settings)) {
      for (const w of r.warnings) this.warnings.push(w);
      const m = r.misplaced[0];
      if (m !== undefined) throw twoOcids(m.file, m.line);
      if (r.text !== null) this.addText(r.text);
    }
    this.ready = [];
    this.readyBytes = 0;
  }

  private addText(text: string): void {
    // At most three bytes a UTF-16 code unit, and the separator and newline.
    const room = text.length * 3 + 2;
    if (this.used + room > this.out.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.out.length * 2, this.used + room));
      this.out.copy(bigger, 0, 0, this.used);
      this.out = bigger;
    }
    if (this.job.settings.package) {
      if (this.lines > 0) this.out[this.used++] = 44;
      this.used += this.out.write(text, this.used);
    } else {
      this.used += this.out.write(text, this.used);
      this.out[this.used++] = 10;
    }
    this.lines++;
    this.chars += text.length;
    if (this.chars >= BATCH_CHARS) this.sendTexts();
  }

  private sendTexts(): void {
    if (this.lines === 0) return;
    this.send(this.out.buffer as ArrayBuffer, this.used, this.lines);
    const back = this.reuse();
    this.out = back ? Buffer.from(back) : Buffer.allocUnsafeSlow(BATCH_BYTES);
    this.used = 0;
    this.lines = 0;
    this.chars = 0;
  }
}

function changed(file: string): Error {
  return new Error(`${file} changed while it was read`);
}
