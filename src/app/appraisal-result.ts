/**
 * The result of an appraisal case (appraisal, sensitivity and Monte Carlo), computed once per
 * change of what it depends on and served from memory after that. The key is a hash of the case
 * as stored, the seed and iterations asked for, and the engine's version, so a new version of the
 * case is a new computation and the old result is never served for it. The computation runs on
 * the derived-results worker (src/app/compute-pool.ts), never on the server's event loop.
 */
import type { ComputePool } from "./compute-pool.ts";
import { DerivedCache, inputKey } from "./derived.ts";

/** Changes when the appraisal engine's results change for the same inputs. */
export const APPRAISAL_ENGINE = "nous-decide-appraisal/1";

/** A stored appraisal case: the engine's file form, as stored. */
interface StoredCase {
  document: unknown;
}

/**
 * Everything an appraisal result depends on: the case as stored and the seed and iterations
 * asked for (the case's own, or the engine's defaults, when not given). The cache keys the result
 * by these, so replacing the case with a new version is a new key and the result is computed again.
 */
export function appraisalInputs(
  doc: StoredCase,
  opts: { seed?: number; iterations?: number },
): { document: unknown; seed?: number; iterations?: number } {
  return {
    document: doc.document,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
  };
}

export class AppraisalResults {
  private readonly cache = new DerivedCache({ maxEntries: 256, maxBytes: 64 << 20 });

  constructor(private readonly pool: ComputePool) {}

  /** The engine's report for an appraisal case, as JSON text. */
  resultText(doc: StoredCase, opts: { seed?: number; iterations?: number }): Promise<string> {
    const inputs = appraisalInputs(doc, opts);
    const key = inputKey(APPRAISAL_ENGINE, inputs.document, inputs.seed ?? null, inputs.iterations ?? null);
    return this.cache.get(key, () => this.pool.run({ kind: "appraisal", ...inputs }));
  }

  /** The engine's report for an appraisal case (parsed from the cached text). */
  async result(doc: StoredCase, opts: { seed?: number; iterations?: number }): Promise<unknown> {
    return JSON.parse(await this.resultText(doc, opts)) as unknown;
  }

  /** How many appraisal computations have been started. */
  computations(): number {
    return this.cache.computations();
  }
}
