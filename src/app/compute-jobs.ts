/**
 * The computations the derived-results worker runs, as plain-data jobs and a function that runs
 * one to the JSON text the API sends: an appraisal case with its Monte Carlo, a red-flags run over
 * stored releases, the compiled releases a run used. Pure, so the same job gives the same text on
 * any thread; the worker (src/app/compute-worker.ts) is a thin shell around `runJob`.
 */
import { parseCase, runCase } from "../decide/index.ts";
import type { Settings } from "../flags/settings.ts";
import { compileGroups } from "../ocds/compile-groups.ts";
import { flagsView } from "./flags-view.ts";

export type ComputeJob =
  | {
      kind: "appraisal";
      /** The appraisal case as stored (the engine's file form). */
      document: unknown;
      seed?: number;
      iterations?: number;
    }
  | {
      kind: "flags";
      buyer: string | undefined;
      today: string | undefined;
      supplied: boolean;
      settings: Settings;
      releases: number;
      /** Per process, its stored releases' JSON (src/store/flags.ts storedProcessReleases). */
      groups: string[][];
    }
  | { kind: "compiled-jsonl"; groups: string[][] };

/** Runs a job; the answer is JSON text (JSON Lines for `compiled-jsonl`). */
export function runJob(job: ComputeJob): string {
  switch (job.kind) {
    case "appraisal": {
      const opts: { seed?: number; iterations?: number } = {};
      if (job.seed !== undefined) opts.seed = job.seed;
      if (job.iterations !== undefined) opts.iterations = job.iterations;
      return JSON.stringify(runCase(parseCase(job.document), opts));
    }
    case "flags":
      return JSON.stringify(
        flagsView({
          buyer: job.buyer,
          today: job.today,
          supplied: job.supplied,
          settings: job.settings,
          releases: job.releases,
          compiled: compileGroups(job.groups),
        }),
      );
    case "compiled-jsonl": {
      const text = compileGroups(job.groups)
        .map((c) => JSON.stringify(c))
        .join("\n");
      return text ? `${text}\n` : "";
    }
  }
}
