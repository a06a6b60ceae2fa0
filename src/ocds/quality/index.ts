/**
 * The data-quality checks registry (every check, in report order), and one pass that runs
 * them over compiled releases.
 */
import { ruleTitles } from "../../shared/rule.ts";
import type { JsonObject } from "../types.ts";
import { asRule, type CheckResult, type QualityCheck } from "./check.ts";
import { contractAwardValue } from "./contract-award-value.ts";
import { dateOrder } from "./date-order.ts";
import { partiesPresent } from "./parties-present.ts";
import { periodOrder } from "./period-order.ts";
import { transactionsWithinContract } from "./transactions-within-contract.ts";

export const QUALITY_CHECKS: readonly QualityCheck[] = [
  periodOrder,
  contractAwardValue,
  transactionsWithinContract,
  partiesPresent,
  dateOrder,
];

/** Each check's title, by id. */
export const QUALITY_TITLES: Record<string, string> = ruleTitles(QUALITY_CHECKS);

export interface QualityReport {
  releases: number;
  /** Releases with no finding from any check. */
  coherent: number;
  checks: CheckResult[];
}

export function runQualityChecks(
  releases: Iterable<JsonObject>,
  opts: { checks?: readonly QualityCheck[]; maxExamples?: number; onProgress?: (done: number) => void } = {},
): QualityReport {
  const rules = (opts.checks ?? QUALITY_CHECKS).map((c) => asRule(c, opts.maxExamples));
  const accs = rules.map((r) => r.init());
  let n = 0;
  let coherent = 0;
  for (const release of releases) {
    n++;
    let ok = true;
    rules.forEach((rule, i) => {
      const before = accs[i]!.failed;
      accs[i] = rule.fold(accs[i]!, release);
      if (accs[i]!.failed !== before) ok = false;
    });
    if (ok) coherent++;
    if (opts.onProgress && n % 10_000 === 0) opts.onProgress(n);
  }
  return { releases: n, coherent, checks: rules.map((r, i) => r.finalize(accs[i]!)) };
}
