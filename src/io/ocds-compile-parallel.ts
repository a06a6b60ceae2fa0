/**
 * The streaming compile of one large JSON Lines file of releases on several threads: the file is
 * cut into byte ranges at line boundaries and each worker thread reads, indexes and compiles its
 * own range (src/io/ocds-compile-range.ts), so no input line passes through this thread. Ocids
 * found in more than one range, and ocids whose groups outgrew a range's memory budget, are
 * compiled at the end from all their releases, read back by the ranges' indexes. Compiled lines
 * come to this thread in batches, taken from the ranges in turn, and go straight to the output:
 * no temporary file, and the order of the lines does not depend on which thread is faster.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import type { Writable } from "node:stream";
import { Worker } from "node:worker_threads";
import { recordPackageHead } from "../ocds/record.ts";
import type { Issue } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import type {
  RangeAgain,
  RangeDone,
  RangeJob,
  RangeRender,
  RangeReply,
  RangeRequest,
  RangeScan,
} from "./ocds-compile-range.ts";
import { isContainer, type RenderGroup, type RenderSettings, type WireItem } from "./ocds-render.ts";
import { Sink, streamWriter } from "./ocds-sink.ts";
import { workerBoot } from "./runtime-paths.ts";

/** Bootstrap for a range worker: the compiled module from the build, the source through tsx otherwise. */
const RANGE_BOOT = workerBoot(import.meta.url, "./ocds-compile-range-worker.ts");

/** Splits a file into up to n byte ranges that start at line boundaries. */
export function splitRanges(file: string, n: number): { start: number; end: number }[] {
  const size = statSync(file).size;
  const cuts = [0];
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(1 << 16);
    for (let i = 1; i < n; i++) {
      let pos = Math.max(Math.floor((size * i) / n), cuts[cuts.length - 1]!);
      let found = size;
      while (pos < size) {
        const read = readSync(fd, buf, 0, buf.length, pos);
        if (read <= 0) break;
        const at = buf.subarray(0, read).indexOf(10);
        if (at >= 0) {
          found = pos + at + 1;
          break;
        }
        pos += read;
      }
      cuts.push(found);
    }
  } finally {
    closeSync(fd);
  }
  cuts.push(size);
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < cuts.length - 1; i++)
    if (cuts[i + 1]! > cuts[i]!) out.push({ start: cuts[i]!, end: cuts[i + 1]! });
  return out;
}

/** True when the file's first non-blank line is one release (JSON Lines of releases, not packages). */
export function startsWithReleaseLine(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let from = 0;
    for (;;) {
      const nl = buf.subarray(0, n).indexOf(10, from);
      if (nl < 0) return false;
      const text = buf.toString("utf8", from, nl).trim();
      from = nl + 1;
      if (text === "") continue;
      try {
        const v = JSON.parse(text) as unknown;
        return isObject(v) && !isContainer(v);
      } catch {
        return false;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Lines (newlines) in the first `end` bytes of a file. */
function countLines(file: string, end: number): number {
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(4 << 20);
  let lines = 0;
  try {
    for (let pos = 0; pos < end; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n <= 0) break;
      for (let at = buf.indexOf(10, 0); at >= 0 && at < n; at = buf.indexOf(10, at + 1)) lines++;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return lines;
}

/** A worker's replies, one at a time; progress goes to onProgress, failures reject. */
interface Range {
  next(): Promise<RangeReply>;
  post(msg: RangeRequest, transfer?: ArrayBuffer[]): void;
  absoluteLines: boolean;
  close(): Promise<void>;
}

class RangeWorker implements Range {
  readonly worker: Worker;
  private waiting: { resolve: (r: RangeReply) => void; reject: (e: unknown) => void } | null = null;
  private early: RangeReply[] = [];
  private failed: unknown = null;
  /** Set when the worker is being stopped on purpose: its exit is then not a failure. */
  private closing = false;
  /** Set once the worker is sent releases with line numbers of the whole file. */
  absoluteLines = false;

  constructor(job: RangeJob, onProgress: (bytes: number) => void, lineBase: () => number) {
    this.worker = new Worker(RANGE_BOOT, {
      eval: true,
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    this.worker.on("message", (msg: RangeReply) => {
      if (msg.type === "progress") return onProgress(msg.bytes);
      if (msg.type === "failure") {
        const loc = msg.location as InputError["location"];
        const e = msg.fatal
          ? new Error(`ocds compile worker failed: ${msg.message}`)
          : new InputError(msg.message, {
              location:
                loc.line === undefined || this.absoluteLines ? loc : { ...loc, line: loc.line + lineBase() },
            });
        return this.fail(e);
      }
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w.resolve(msg);
      } else this.early.push(msg);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (code !== 0 && !this.closing) this.fail(new Error(`ocds compile worker stopped with exit code ${code}`));
    });
  }

  private fail(e: unknown): void {
    this.failed ??= e;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w.reject(e);
    }
  }

  post(msg: RangeRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(msg, transfer);
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.worker.terminate();
  }

  next(): Promise<RangeReply> {
    if (this.early.length) return Promise.resolve(this.early.shift()!);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

export interface RangeCompileOptions {
  settings: RenderSettings;
  budget: number;
  package?: boolean;
  uri?: string;
  publishedDate?: string;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  onWarning: (issue: Issue) => void;
}

/**
 * Compiles one file on `n` threads. Returns null, having written nothing, when the file turns
 * out to hold packages rather than releases (the caller then compiles it on one thread).
 */
export async function compileRanges(
  file: string,
  n: number,
  out: Writable,
  opts: RangeCompileOptions,
): Promise<{ releases: number; ocids: number; reopened: number; workers: number } | null> {
  const ranges = splitRanges(file, n);
  const total = ranges.length ? ranges[ranges.length - 1]!.end : 0;
  const progress = ranges.map(() => 0);
  let scans: RangeScan[] = [];
  const lineBase = (i: number) => () => {
    if (scans.length === ranges.length) {
      let sum = 0;
      for (let k = 0; k < i; k++) sum += scans[k]!.lines;
      return sum;
    }
    return countLines(file, ranges[i]!.start);
  };
  const acks = new SharedArrayBuffer(4 * ranges.length);
  const acked = new Int32Array(acks);
  const jobOf = (i: number): RangeJob => ({
    file,
    start: ranges[i]!.start,
    end: ranges[i]!.end,
    budget: opts.budget / ranges.length,
    settings: opts.settings,
    index: i,
    acks,
  });
  const report = (i: number) => (bytes: number) => {
    progress[i] = bytes;
    opts.onProgress?.(
      progress.reduce((a, b) => a + b, 0),
      total,
    );
  };
  const workers = ranges.map((_, i) => new RangeWorker(jobOf(i), report(i), lineBase(i)));
  try {
    scans = (await Promise.all(workers.map((w) => w.next()))) as RangeScan[];
    if (scans.some((f) => f.fallback)) return null;
    let base = 0;
    for (const f of scans) {
      for (const w of f.warnings) opts.onWarning(w.line === undefined ? w : { ...w, line: w.line + base });
      base += f.lines;
    }

    // Ocids in more than one range are compiled at the end, from all their releases.
    const again = new Set<string>();
    const owner = new Map<string, number>();
    scans.forEach((f, i) => {
      for (const o of f.ocids) {
        const had = owner.get(o);
        if (had === undefined) owner.set(o, i);
        else if (had !== i) again.add(o);
      }
    });
    owner.clear();
    const shared = [...again];
    for (const w of workers) w.post({ type: "shared", ocids: shared });

    const sink = new Sink(streamWriter(out));
    let records = 0;
    if (opts.package) {
      const head = JSON.stringify(recordPackageHead({ uri: opts.uri, publishedDate: opts.publishedDate }));
      await sink.add(`${head.slice(0, -1)}${head.length > 2 ? "," : ""}"records":[`);
    }
    const emit = async (texts: string[]) => {
      if (texts.length === 0) return;
      if (opts.package) {
        await sink.add(`${records > 0 ? "," : ""}${texts.join(",")}`);
      } else await sink.add(`${texts.join("\n")}\n`);
      records += texts.length;
    };

    // The ranges' batches, one from each in turn, so the output does not depend on timing.
    const done: (RangeDone | null)[] = workers.map(() => null);
    while (done.some((d) => d === null)) {
      for (let i = 0; i < workers.length; i++) {
        if (done[i]) continue;
        const msg = await workers[i]!.next();
        if (msg.type === "batch") {
          if (opts.package && records > 0) await sink.add(",");
          await sink.direct(Buffer.from(msg.bytes));
          records += msg.count;
          Atomics.add(acked, i, 1);
          Atomics.notify(acked, i);
        } else done[i] = msg as RangeDone;
      }
    }
    for (const d of done) {
      for (const w of d!.warnings) opts.onWarning(w);
      for (const o of d!.deferred) again.add(o);
    }

    if (again.size > 0) {
      const list = [...again];
      for (const w of workers) w.post({ type: "again", ocids: list });
      const found = (await Promise.all(workers.map((w) => w.next()))) as RangeAgain[];
      // Their releases in file order, shared out between the workers to compile.
      const groups = new Map<string, [Buffer, number, number, number][]>();
      base = 0;
      found.forEach((a, i) => {
        const bytes = a.bytes ? Buffer.from(a.bytes) : null;
        for (const [ocid, start, end, line] of a.items) {
          let list = groups.get(ocid);
          if (!list) {
            list = [];
            groups.set(ocid, list);
          }
          list.push([bytes!, start, end, line + base]);
        }
        base += scans[i]!.lines;
      });
      const shares: [string, [Buffer, number, number, number][]][][] = workers.map(() => []);
      const shareBytes = workers.map(() => 0);
      for (const entry of groups) {
        let k = 0;
        for (let j = 1; j < shares.length; j++) if (shareBytes[j]! < shareBytes[k]!) k = j;
        shares[k]!.push(entry);
        for (const [, s, e] of entry[1]) shareBytes[k]! += e - s;
      }
      groups.clear();
      const rendering = shares.map((share, k) => {
        if (share.length === 0)
          return Promise.resolve<RangeReply>({ type: "rendered", texts: [], warnings: [] });
        const bytes = Buffer.allocUnsafeSlow(shareBytes[k]!);
        let pos = 0;
        const wire: RenderGroup[] = share.map(([ocid, items]) => ({
          ocid,
          items: items.map(([b, s, e, line]): WireItem => {
            b.copy(bytes, pos, s, e);
            pos += e - s;
            return { start: pos - (e - s), end: pos, file, line };
          }),
        }));
        const ab = bytes.buffer as ArrayBuffer;
        const msg: RangeRender = { type: "render", groups: wire, bytes: ab };
        workers[k]!.absoluteLines = true;
        workers[k]!.post(msg, [ab]);
        return workers[k]!.next();
      });
      // They are awaited in order; one failing must not leave the others' failures unobserved.
      for (const pending of rendering) pending.catch(() => {});
      for (const pending of rendering) {
        const r = (await pending) as { texts: string[]; warnings: Issue[] };
        for (const w of r.warnings) opts.onWarning(w);
        await emit(r.texts);
      }
    }
    if (opts.package) await sink.add("]}\n");
    await sink.flush();
    return {
      releases: scans.reduce((a, f) => a + f.releases, 0),
      ocids: records,
      reopened: again.size,
      workers: ranges.length,
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
