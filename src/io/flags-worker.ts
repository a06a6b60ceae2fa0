/**
 * Worker for `nous flags indicators` and `nous flags coverage`: folds the lines of one byte range
 * of the input into a partial result and posts it back; the main thread reduces the partials in
 * input order. Progress (bytes read) is posted every few megabytes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { coverageFold, type Coverage } from "../flags/coverage.ts";
import { Engine } from "../flags/engine.ts";
import type { Settings } from "../flags/settings.ts";
import { forEachLine } from "./flags-lines.ts";

export interface WorkerInput {
  mode: "indicators" | "coverage";
  file: string;
  start: number;
  end: number;
  settings: Settings;
  today: string;
  map: boolean;
}

export interface WorkerOutput {
  acc: unknown;
  lines: number;
  /** [line within the range, message] */
  warnings: [number, string][];
}

const input = workerData as WorkerInput;
const warnings: [number, string][] = [];
let lastReport = 0;
const onBytes = (b: number) => {
  if (b - lastReport >= 4 << 20) {
    lastReport = b;
    parentPort?.postMessage({ progress: b });
  }
};

if (input.mode === "coverage") {
  const counts: Coverage = new Map();
  const lines = await forEachLine(
    input,
    (line, n) => {
      if (line.trim() === "") return;
      try {
        coverageFold(counts, JSON.parse(line));
      } catch (err) {
        warnings.push([n, (err as Error).message]);
      }
    },
    onBytes,
  );
  parentPort?.postMessage({ done: { acc: counts, lines, warnings } satisfies WorkerOutput });
} else {
  const t0 = performance.now();
  const engine = new Engine(input.settings, { today: input.today, map: input.map });
  let acc = engine.init();
  const lines = await forEachLine(
    input,
    (line, n) => {
      if (line.trim() === "") return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        warnings.push([n, (err as Error).message]);
        return;
      }
      acc = engine.fold(acc, value);
    },
    onBytes,
  );
  const t1 = performance.now();
  parentPort?.postMessage({ done: { acc, lines, warnings } satisfies WorkerOutput });
  if (process.env.NOUS_FLAGS_DEBUG) {
    process.stderr.write(
      `flags worker: fold ${(t1 - t0).toFixed(0)} ms, post ${(performance.now() - t1).toFixed(0)} ms\n`,
    );
  }
}
