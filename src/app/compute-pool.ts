/**
 * The one worker thread that derived results are computed on, so a long computation (a 100,000
 * iteration Monte Carlo, red flags over 50,000 releases) never holds up the server's event loop:
 * `/api/health` and every other request are answered while it runs. The worker starts on the
 * first job and runs jobs in the order posted. If it dies (a crash, running out of memory), the
 * jobs it held fail, each request gets a 500 that the server logs, and the next job starts a new
 * worker. `close()` ends it (the server calls it when it closes); a later job would start another.
 * At most `maxQueued` jobs wait: beyond that a request gets 503 rather than a growing queue.
 */
import { Worker } from "node:worker_threads";
import { InputError } from "../shared/errors.ts";
import type { ComputeJob } from "./compute-jobs.ts";
import type { JobReply, JobRequest } from "./compute-worker.ts";
import { workerBoot } from "../io/runtime-paths.ts";

/**
 * The worker's entry: the compiled compute-worker.js when running from the build, or the source
 * through tsx's loader under vitest and tsx (src/io/runtime-paths.ts).
 */
const WORKER_BOOT = workerBoot(import.meta.url, "./compute-worker.ts");

interface Pending {
  resolve: (text: string) => void;
  reject: (err: unknown) => void;
}

export class ComputePool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private started = 0;

  constructor(private readonly opts: { maxQueued: number } = { maxQueued: 64 }) {}

  /** Runs a job on the worker; resolves with its text, rejects with its error. */
  run(job: ComputeJob): Promise<string> {
    if (this.pending.size >= this.opts.maxQueued) {
      return Promise.reject(
        new InputError(
          `the server is computing ${this.pending.size} results already; try again in a few seconds`,
          { code: "busy", status: 503 },
        ),
      );
    }
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, job } satisfies JobRequest);
    });
  }

  /** Whether a worker thread is running now. */
  running(): boolean {
    return this.worker !== null;
  }

  /** How many worker threads this pool has started (a new one after each crash or close). */
  workersStarted(): number {
    return this.started;
  }

  /**
   * Ends the worker now; the jobs it held fail with `reason`. Used when the server closes, and
   * by the fault test to stop a worker in the middle of a computation as a crash would.
   */
  async terminate(reason = "the server is closing"): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.fail(worker, new Error(`the computation was stopped: ${reason}`));
    await worker.terminate();
  }

  close(): Promise<void> {
    return this.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_BOOT, { eval: true });
    this.started++;
    this.worker = worker;
    // The worker alone never keeps the process alive: the server's socket does.
    worker.unref();
    worker.on("message", (reply: JobReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if ("text" in reply) {
        p.resolve(reply.text);
        return;
      }
      const { message, stack, input } = reply.error;
      const err = input
        ? new InputError(message, {
            code: input.code,
            status: input.status,
            location: input.location,
            details: input.details,
          })
        : new Error(message);
      if (stack) err.stack = stack;
      p.reject(err);
    });
    worker.on("error", (err) => this.fail(worker, new Error(`the computation worker failed: ${err.message}`, { cause: err })));
    worker.on("exit", (code) => this.fail(worker, new Error(`the computation worker stopped (exit code ${code})`)));
    return worker;
  }

  /** Forgets a dead (or ending) worker and fails every job it held. */
  private fail(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const held = [...this.pending.values()];
    this.pending.clear();
    for (const p of held) p.reject(err);
  }
}
