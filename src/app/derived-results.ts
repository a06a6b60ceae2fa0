/**
 * The derived results of one store: appraisal results and red-flags runs, computed on one shared
 * worker thread and cached by their inputs. One set per store, so the decide and flags routes of
 * a server share the worker and a test can read the computation counters of the server it runs.
 * The server closes it when it closes (the routes' onClose hooks), which ends the worker.
 */
import type { Store } from "../store/db.ts";
import { AppraisalResults } from "./appraisal-result.ts";
import { ComputePool } from "./compute-pool.ts";
import { FlagsRuns } from "./flags-run.ts";

export interface DerivedResults {
  appraisals: AppraisalResults;
  flags: FlagsRuns;
  pool: ComputePool;
  /** Ends the worker (a later computation starts another); the kept results stay. */
  close(): Promise<void>;
}

const byStore = new WeakMap<Store, DerivedResults>();

export function derivedResults(store: Store): DerivedResults {
  let d = byStore.get(store);
  if (!d) {
    const pool = new ComputePool();
    d = {
      appraisals: new AppraisalResults(pool),
      flags: new FlagsRuns(store, pool),
      pool,
      close: () => pool.close(),
    };
    byStore.set(store, d);
  }
  return d;
}
