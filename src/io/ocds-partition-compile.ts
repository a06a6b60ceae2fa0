/**
 * Step 2 of the parallel streaming compile, in a worker thread: the partition's ocids compiled
 * from its index (ocds-partition-index.ts), each at its last line, its releases read by position,
 * the output lines encoded into batches for the main thread.
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { Issue, JsonObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { checkJsonDepth, valueTooDeep } from "../shared/json-depth.ts";
import type { PartitionDone, PartitionJob } from "./ocds-compile-partition.ts";
import { parseDepthChecked, parseJson } from "./ocds-json.ts";
import { ASCII, PARSED, type PartitionIndex } from "./ocds-partition-index.ts";
import { type RenderGroup, renderGroups, type WireItem } from "./ocds-render.ts";

/** Raw bytes of releases rendered at a time (a little: what is parsed dies young). */
const JOB_BYTES = 1 << 16;
/** Characters of output lines per batch sent. */
const BATCH_CHARS = 1 << 20;
/** Bytes first allocated for a batch (grown when its lines need more). */
const BATCH_BYTES = 3 << 19;
/** Bytes read at a time as the compile goes through the files (less when the budget is less). */
const WINDOW = 4 << 20;

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
