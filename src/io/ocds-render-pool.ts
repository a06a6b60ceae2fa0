/** Worker threads that parse, merge and serialise groups of releases for the one-thread compile. */
import { Worker } from "node:worker_threads";
import type { RenderRequest } from "./ocds-compile-worker.ts";
import type { RenderedGroup, RenderFailure, RenderGroup, RenderSettings } from "./ocds-render.ts";
import { InputError } from "../shared/errors.ts";
import { workerBoot } from "./runtime-paths.ts";

/** Bootstrap for a worker: the compiled module from the build, the source through tsx otherwise. */
const WORKER_BOOT = workerBoot(import.meta.url, "./ocds-compile-worker.ts");

type Reply = { id: number; results?: RenderedGroup[]; failure?: RenderFailure; fatal?: boolean };

/** Worker threads that render groups; requests go round-robin. */
export class RenderPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<
    number,
    { resolve: (r: RenderedGroup[]) => void; reject: (e: unknown) => void }
  >();
  private next = 0;
  private ids = 0;
  private failed: unknown = null;

  constructor(n: number) {
    for (let i = 0; i < n; i++) {
      const w = new Worker(WORKER_BOOT, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
      w.on("message", (msg: Reply) => {
        const p = this.waiting.get(msg.id);
        if (!p) return;
        this.waiting.delete(msg.id);
        if (msg.results) p.resolve(msg.results);
        else if (msg.failure && !msg.fatal)
          p.reject(new InputError(msg.failure.message, { location: msg.failure.location }));
        else p.reject(new Error(`ocds compile worker failed: ${msg.failure?.message}`));
      });
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`ocds compile worker stopped with exit code ${code}`));
      });
      this.workers.push(w);
    }
  }

  private fail(e: unknown): void {
    this.failed ??= e;
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }

  run(groups: RenderGroup[], bytes: Buffer | null, settings: RenderSettings): Promise<RenderedGroup[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.ids++;
    const worker = this.workers[this.next++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const ab = bytes ? (bytes.buffer as ArrayBuffer) : null;
      const req: RenderRequest = { id, groups, bytes: ab, settings };
      worker.postMessage(req, ab ? [ab] : []);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
