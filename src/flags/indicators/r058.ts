/**
 * R058 Heavily discounted bid: the percentage difference between the winning bid and the
 * second-lowest valid bid is a high outlier. An unethical bidder can win with a "lemon" (defective
 * goods) when the buyer's quality criteria are inadequate.
 */
import { computeFence } from "../quartiles.ts";
import { secondLowest } from "../second-lowest.ts";
import { addToSetMap, defineIndicator, type Flag } from "../types.ts";

interface Acc {
  ocids: string[];
  differences: number[];
  winners: string[];
  seconds: string[];
  amounts: number[];
}

export const R058 = defineIndicator({
  meta: {
    code: "R058",
    name: "Heavily discounted bid",
    definition:
      "The percentage difference between the winning bid and the second-lowest valid bid is a high outlier.",
    methodology:
      "difference = (secondLowestValidBidAmount − winningBidAmount) / winningBidAmount. A process is flagged if " +
      "the difference is greater than or equal to the upper fence Q3 + 1.5·IQR of all differences (or the " +
      "configured threshold). The winner is also flagged.",
    risk: 'An unethical bidder can offer defective goods ("lemons") if the buyer has inadequate quality criteria.',
    output: "The difference for the contracting process; always 0.0 for the winner.",
    settings: [
      "R058.threshold",
      "currency",
      "no_price_comparison_procurement_methods",
      "price_comparison_procurement_methods",
    ],
    groups: ["OCID", "Tenderer"],
  },
  create(env) {
    const threshold = env.settings.indicators.R058?.threshold;
    return {
      code: "R058",
      init: (): Acc => ({ ocids: [], differences: [], winners: [], seconds: [], amounts: [] }),
      fold(acc: Acc, view) {
        const r = secondLowest(view);
        if (r) {
          acc.ocids.push(view.ocid);
          acc.differences.push(r.difference);
          acc.winners.push(r.winner);
          acc.seconds.push(r.second);
          acc.amounts.push(r.winnerAmount, r.secondAmount);
        }
        return acc;
      },
      reduce(a: Acc, b: Acc) {
        for (const k of ["ocids", "differences", "winners", "seconds", "amounts"] as const) {
          for (const v of b[k]) (a[k] as unknown[]).push(v);
        }
        return a;
      },
      finalize(acc: Acc) {
        const fence = computeFence(acc.differences, "upper", threshold);
        if (!fence) return { flags: [] };
        const flags: Flag[] = [];
        const map = new Map<string, Set<string>>();
        for (let i = 0; i < acc.ocids.length; i++) {
          const d = acc.differences[i] as number;
          if (d < fence.fence) continue;
          const ocid = acc.ocids[i] as string;
          const winner = acc.winners[i] as string;
          const values = {
            winner,
            winningBidAmount: acc.amounts[2 * i],
            secondLowest: acc.seconds[i],
            secondLowestValidBidAmount: acc.amounts[2 * i + 1],
            ocid,
          };
          const common = {
            measured: d,
            threshold: fence.fence,
            comparison: ">=" as const,
            thresholdSource: fence.source,
          };
          flags.push({ group: "OCID", id: ocid, value: d, ...common, values });
          flags.push({ group: "Tenderer", id: winner, value: 0, ...common, values });
          if (env.map) addToSetMap(map, ocid, winner);
        }
        return { flags, meta: fence.meta, maps: env.map ? { ocid_tenderer_r058: map } : undefined };
      },
    };
  },
});
