/**
 * Runs the flags fold over a JSON Lines file: in worker threads, one byte range each, when the file
 * is large enough to pay for them; otherwise (and for standard input) on this thread. Partial
 * results are reduced in input order, so the result does not depend on the number of workers.
 */
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type Coverage, coverageFold, coverageReduce } from "../flags/coverage.ts";
import { Engine, type EngineAcc } from "../flags/engine.ts";
import type { Settings } from "../flags/settings.ts";
import { forEachLine, splitFile } from "./flags-lines.ts";
import type { WorkerInput, WorkerOutput } from "./flags-worker.ts";
import { workerBoot } from "./runtime-paths.ts";

export interface RunOptions {
  /** Worker threads; 0 or 1 runs on this thread. Default: available cores (up to 8) for files over 8 MB. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called with (line, message) for each line that is not valid JSON. */
  onWarning?: (line: number, message: string) => void;
}

/**
 * Workers load the compiled flags-worker.js when running from the build, or the source through
 * tsx's loader under vitest and tsx (src/io/runtime-paths.ts).
 */
const WORKER_BOOT = workerBoot(import.meta.url, "./flags-worker.ts");

/**
 * Each worker parses JSON at full speed and most of what it parses is garbage at once; a larger
 * young generation than V8's default lets that garbage die young instead of being promoted.
 */
const YOUNG_GENERATION_MB = 128;

/** Bytes below which a file is read on this thread. */
const PARALLEL_MIN_BYTES = 8 << 20;

function chooseWorkers(file: string, requested: number | undefined): { n: number; size: number } {
  if (file === "-") return { n: 1, size: 0 };
  const size = statSync(file).size;
  if (requested !== undefined) return { n: Math.max(1, requested), size };
  return { n: size < PARALLEL_MIN_BYTES ? 1 : Math.min(availableParallelism(), 8), size };
}

async function inWorkers(
  base: Omit<WorkerInput, "start" | "end">,
  n: number,
  size: number,
  opts: RunOptions,
): Promise<WorkerOutput[]> {
  const ranges = splitFile(base.file, n);
  const progress = ranges.map(() => 0);
  const report = () =>
    opts.onProgress?.(
      progress.reduce((a, b) => a + b, 0),
      size,
    );
  const outputs = await Promise.all(
    ranges.map(
      (range, i) =>
        new Promise<WorkerOutput>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOT, {
            eval: true,
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
            workerData: { ...base, ...range } satisfies WorkerInput,
          });
          worker.on("message", (msg: { progress?: number; done?: WorkerOutput }) => {
            if (msg.progress !== undefined) {
              progress[i] = msg.progress;
              report();
            } else if (msg.done) {
              progress[i] = range.end - range.start;
              report();
              resolve(msg.done);
              void worker.terminate();
            }
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            if (code !== 0) reject(new Error(`flags worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  let offset = 0;
  for (const out of outputs) {
    for (const [line, message] of out.warnings) opts.onWarning?.(offset + line, message);
    offset += out.lines;
  }
  return outputs;
}

/**
 * Finds the main currency the way a single pass would (the first one observed), by folding lines
 * from the start until one is seen, so that every worker uses the same one.
 */
async function firstCurrency(engine: Engine, file: string): Promise<string | undefined> {
  let acc = engine.init();
  let seen = 0;
  const stop = new Error("found");
  try {
    await forEachLine({ file }, (line) => {
      if (line.trim() === "") return;
      try {
        acc = engine.fold(acc, JSON.parse(line));
      } catch {
        return;
      }
      if (acc.currency !== undefined || ++seen >= 100_000) throw stop;
    });
  } catch (err) {
    if (err !== stop) throw err;
  }
  return acc.currency;
}

export async function foldIndicators(
  file: string,
  settings: Settings,
  engineOpts: { today: string; map: boolean },
  opts: RunOptions = {},
): Promise<{ engine: Engine; acc: EngineAcc }> {
  const { n, size } = chooseWorkers(file, opts.workers);
  let engine = new Engine(settings, engineOpts);
  if (n <= 1) {
    let acc = engine.init();
    await forEachLine(
      { file },
      (line, lineNo) => {
        if (line.trim() === "") return;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          opts.onWarning?.(lineNo, (err as Error).message);
          return;
        }
        acc = engine.fold(acc, value);
      },
      (b) => opts.onProgress?.(b, size),
    );
    return { engine, acc };
  }
  if (settings.currency === undefined) {
    const currency = await firstCurrency(engine, file);
    if (currency !== undefined) {
      settings = { ...settings, currency };
      engine = new Engine(settings, engineOpts);
    }
  }
  const outputs = await inWorkers(
    { mode: "indicators", file, settings, today: engineOpts.today, map: engineOpts.map },
    n,
    size,
    opts,
  );
  let acc = outputs[0]?.acc as EngineAcc;
  for (const out of outputs.slice(1)) acc = engine.reduce(acc, out.acc as EngineAcc);
  return { engine, acc };
}

export async function foldCoverage(file: string, opts: RunOptions = {}): Promise<Coverage> {
  const { n, size } = chooseWorkers(file, opts.workers);
  if (n <= 1) {
    const counts: Coverage = new Map();
    await forEachLine(
      { file },
      (line, lineNo) => {
        if (line.trim() === "") return;
        try {
          coverageFold(counts, JSON.parse(line));
        } catch (err) {
          opts.onWarning?.(lineNo, (err as Error).message);
        }
      },
      (b) => opts.onProgress?.(b, size),
    );
    return counts;
  }
  const outputs = await inWorkers(
    { mode: "coverage", file, settings: undefined as unknown as Settings, today: "", map: false },
    n,
    size,
    opts,
  );
  let acc = outputs[0]?.acc as Coverage;
  for (const out of outputs.slice(1)) acc = coverageReduce(acc, out.acc as Coverage);
  return acc;
}
