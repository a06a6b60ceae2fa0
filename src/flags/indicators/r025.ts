/**
 * R025 Excessive unsuccessful bids: a top tenderer (many valid bids) wins an outlyingly low share
 * of them. A colluding bidder can mimic competition by submitting deliberately losing bids where
 * its partner participates.
 */
import { computeFence, quantileSorted, sortNumbers } from "../quartiles.ts";
import { addFraction, defineIndicator, type Flag, type Fraction, mergeFractions } from "../types.ts";
import { soleWinner } from "../view.ts";

export const R025 = defineIndicator({
  meta: {
    code: "R025",
    name: "Excessive unsuccessful bids",
    definition: "The ratio of winning bids to submitted bids for a top tenderer is a low outlier.",
    methodology:
      "For each tenderer, ratio = numberOfWinningBids / numberOfValidBids across all processes, counting a " +
      "tenderer once per process. A tenderer is " +
      "flagged if its number of valid bids is at least the given percentile (75th by default) of all tenderers' " +
      "numbers of valid bids, and its ratio is at most the lower fence Q1 − 1.5·IQR of all ratios (or the " +
      "configured threshold).",
    risk:
      "A colluding bidder can mimic competition by submitting deliberately losing bids (at inflated prices, for " +
      "example) in processes in which a colluding partner participates.",
    output: "The ratio for the tenderer.",
    settings: ["R025.percentile", "R025.threshold"],
    groups: ["Tenderer"],
  },
  create(env) {
    const s = env.settings.indicators.R025 ?? {};
    const percentile = s.percentile ?? 75;
    return {
      code: "R025",
      init: () => new Map<string, Fraction>(),
      fold(acc: Map<string, Fraction>, view) {
        const winner = soleWinner(view);
        if (winner === undefined) return acc;
        for (const bid of view.valid) if (bid.tendererCount !== 1 || bid.tenderers.length !== 1) return acc;
        // Each tenderer counts once per contracting process, however many valid bids it submitted.
        const seen = new Set<string>();
        for (const bid of view.valid) {
          const t = bid.tenderers[0] as string;
          if (seen.has(t)) continue;
          seen.add(t);
          addFraction(acc, t, t === winner ? 1 : 0, 1);
        }
        return acc;
      },
      reduce: mergeFractions,
      finalize(acc: Map<string, Fraction>) {
        if (acc.size === 0) return { flags: [] };
        const counts = sortNumbers([...acc.values()].map((f) => f[1]));
        const top = quantileSorted(counts, percentile / 100);
        const fence = computeFence(
          [...acc.values()].map(([n, d]) => n / d),
          "lower",
          s.threshold,
        );
        if (!fence) return { flags: [] };
        const flags: Flag[] = [];
        for (const [id, [won, bids]] of acc) {
          const ratio = won / bids;
          if (bids >= top && ratio <= fence.fence) {
            flags.push({
              group: "Tenderer",
              id,
              value: ratio,
              measured: ratio,
              threshold: fence.fence,
              comparison: "<=",
              thresholdSource: fence.source,
              values: { winningBids: won, validBids: bids, topTendererMinimumBids: top },
            });
          }
        }
        return { flags, meta: { ...fence.meta, upper_fence: top } };
      },
    };
  },
});
