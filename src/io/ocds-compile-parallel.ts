/**
 * The streaming compile of large JSON Lines files of releases on several threads: each worker
 * thread reads the files itself and compiles the ocids that hash to its partition
 * (src/io/ocds-compile-partition.ts), so no input line passes through this thread and no ocid is
 * split between threads. Compiled lines come to this thread in batches, taken from the workers
 * in turn, and go straight to the output: the order of the lines does not depend on which thread
 * is faster.
 */
import { closeSync, openSync, readSync, WriteStream } from "node:fs";
import { Socket } from "node:net";
import type { Writable } from "node:stream";
import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import { recordPackageHead } from "../ocds/record.ts";
import type { Issue } from "../ocds/types.ts";
import { isObject } from "../ocds/types.ts";
import { InputError } from "../shared/errors.ts";
import { startsWithBom, UTF8_BOM_BYTES } from "./bom.ts";
import type { PartitionDone, PartitionJob, PartitionReply, PartitionScan } from "./ocds-compile-partition.ts";
import type { PartitionIndexData } from "./ocds-partition-index.ts";
import { isContainer, type RenderSettings } from "./ocds-render.ts";
import { Sink, streamWriter } from "./ocds-sink.ts";
import { workerBoot } from "./runtime-paths.ts";

/** Bootstrap for a partition worker: the compiled module from the build, the source through tsx otherwise. */
const BOOT = workerBoot(import.meta.url, "./ocds-compile-partition-worker.ts");

/** True when the file's first non-blank line is one release (JSON Lines of releases, not packages). */
export function startsWithReleaseLine(file: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(1 << 20);
    const n = readSync(fd, buf, 0, buf.length, 0);
    // A byte order mark before the first line is not part of it (see readUnits).
    let from = startsWithBom(buf, 0, n) ? UTF8_BOM_BYTES : 0;
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

/** A worker's replies, one at a time; progress goes to onProgress, failures reject. */
class PartitionWorker {
  readonly worker: Worker;
  /** Where a written batch's buffer goes back to the worker, to be filled again. */
  readonly returns: MessagePort;
  private waiting: { resolve: (r: PartitionReply) => void; reject: (e: unknown) => void } | null = null;
  private early: PartitionReply[] = [];
  private failed: unknown = null;
  /** Set when the worker is being stopped on purpose: its exit is then not a failure. */
  private closing = false;

  constructor(job: PartitionJob, onProgress: (bytes: number) => void) {
    const { port1, port2 } = new MessageChannel();
    this.returns = port1;
    const i = job.index;
    this.worker = new Worker(BOOT, {
      eval: true,
      workerData: { ...job, returns: port2 },
      transferList: i
        ? [
            port2,
            ...[i.files, i.offsets, i.lengths, i.lines, i.ids, i.flags].map((a) => a.buffer as ArrayBuffer),
          ]
        : [port2],
      resourceLimits: { maxYoungGenerationSizeMb: 32 },
    });
    this.worker.on("message", (msg: PartitionReply) => {
      if (msg.type === "progress") return onProgress(msg.bytes);
      if (msg.type === "failure") {
        return this.fail(
          msg.fatal
            ? new Error(`ocds compile worker failed: ${msg.message}`)
            : new InputError(msg.message, { location: msg.location as InputError["location"] }),
        );
      }
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w.resolve(msg);
      } else this.early.push(msg);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (code !== 0 && !this.closing)
        this.fail(new Error(`ocds compile worker stopped with exit code ${code}`));
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

  start(): void {
    this.worker.postMessage("compile");
  }

  async close(): Promise<void> {
    this.closing = true;
    this.returns.close();
    await this.worker.terminate();
  }

  next(): Promise<PartitionReply> {
    if (this.early.length) return Promise.resolve(this.early.shift()!);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}

export interface PartitionCompileOptions {
  settings: RenderSettings;
  budget: number;
  package?: boolean;
  uri?: string;
  publishedDate?: string;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  onWarning: (issue: Issue) => void;
  /** Each partition's index, when this thread made them (packages): the workers do not scan. */
  indexes?: PartitionIndexData[];
}

/**
 * Compiles files of release lines on `n` threads. Returns null, having written nothing, when a
 * line turns out not to be a release (the caller then compiles on one thread).
 */
export async function compilePartitions(
  files: string[],
  /** Each file's name in messages ("-" for a copy of stdin). */
  names: string[],
  totalBytes: number,
  n: number,
  out: Writable,
  opts: PartitionCompileOptions,
): Promise<{ releases: number; ocids: number; reopened: number; workers: number } | null> {
  const acks = new SharedArrayBuffer(4 * n);
  const acked = new Int32Array(acks);
  const progress = new Array<number>(n).fill(0);
  const report = (k: number) => (bytes: number) => {
    progress[k] = bytes;
    opts.onProgress?.(Math.max(...progress), totalBytes);
  };
  const workers = Array.from(
    { length: n },
    (_, part) =>
      new PartitionWorker(
        {
          files,
          names,
          part,
          n,
          budget: opts.budget / n,
          settings: opts.settings,
          acks,
          ...(opts.indexes ? { index: opts.indexes[part]! } : {}),
        },
        report(part),
      ),
  );
  try {
    const scans = (await Promise.all(workers.map((w) => w.next()))) as PartitionScan[];
    if (scans.some((f) => f.fallback)) return null;
    for (const f of scans) for (const w of f.warnings) opts.onWarning(w);
    for (const w of workers) w.start();

    const sink = new Sink(streamWriter(out));
    // A file, a pipe or a socket is done with a buffer once its write has called back, so the
    // buffer goes back to its worker to be filled again; a stream that hands chunks on (a
    // PassThrough, say) may keep them, so its buffers are left to it.
    const reusable = out instanceof WriteStream || out instanceof Socket || out === process.stdout;
    let records = 0;
    if (opts.package) {
      const head = JSON.stringify(recordPackageHead({ uri: opts.uri, publishedDate: opts.publishedDate }));
      await sink.add(`${head.slice(0, -1)}${head.length > 2 ? "," : ""}"records":[`);
    }
    // The workers' batches, one from each in turn, so the output does not depend on timing.
    const done: (PartitionDone | null)[] = workers.map(() => null);
    while (done.some((d) => d === null)) {
      for (let k = 0; k < workers.length; k++) {
        if (done[k]) continue;
        const msg = await workers[k]!.next();
        if (msg.type === "batch") {
          if (opts.package && records > 0) await sink.add(",");
          const w = workers[k]!;
          const bytes = msg.bytes;
          await sink.direct(
            Buffer.from(bytes, 0, msg.length),
            reusable
              ? () => {
                  try {
                    w.returns.postMessage(bytes, [bytes]);
                  } catch {
                    // The worker has finished and closed its end of the channel: nothing to reuse.
                  }
                }
              : undefined,
          );
          records += msg.count;
          Atomics.add(acked, k, 1);
          Atomics.notify(acked, k);
        } else done[k] = msg as PartitionDone;
      }
    }
    for (const d of done) for (const w of d!.warnings) opts.onWarning(w);
    if (opts.package) await sink.add("]}\n");
    await sink.flush();
    opts.onProgress?.(totalBytes, totalBytes);
    return {
      releases: scans.reduce((a, f) => a + f.releases, 0),
      ocids: records,
      reopened: done.reduce((a, d) => a + d!.later, 0),
      workers: n,
    };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}
