/**
 * R024 Price close to winning bid: the percentage difference between the winning bid and the
 * second-lowest valid bid is a low outlier. A colluding bidder can mimic competition with a bid
 * just above its partner's.
 */
import { computeFence } from "../quartiles.ts";
import { secondLowest } from "../second-lowest.ts";
import { addToSetMap, defineIndicator, type Flag } from "../types.ts";

interface Acc {
  ocids: string[];
  differences: number[];
  winners: string[];
  seconds: string[];
  amounts: number[]; // winner, second, winner, second, ...
}

export const R024 = defineIndicator({
  meta: {
    code: "R024",
    name: "Price close to winning bid",
    definition:
      "The percentage difference between the winning bid and the second-lowest valid bid is a low outlier.",
    methodology:
      "difference = (secondLowestValidBidAmount − winningBidAmount) / winningBidAmount. A process is flagged if " +
      "the difference is less than or equal to the lower fence Q1 − 1.5·IQR of all differences (or the " +
      "configured threshold). The winner and the second-lowest bidder are also flagged.",
    risk:
      "A colluding bidder can mimic competition by submitting a bid that is similar in price (but different in " +
      "quality, for example) to its colluding partner's.",
    output: "The difference for the contracting process; always 0.0 for the two tenderers.",
    settings: [
      "R024.threshold",
      "currency",
      "no_price_comparison_procurement_methods",
      "price_comparison_procurement_methods",
    ],
    groups: ["OCID", "Tenderer"],
  },
  create(env) {
    const threshold = env.settings.indicators.R024?.threshold;
    return {
      code: "R024",
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
        const fence = computeFence(acc.differences, "lower", threshold);
        if (!fence) return { flags: [] };
        const flags: Flag[] = [];
        const map = new Map<string, Set<string>>();
        for (let i = 0; i < acc.ocids.length; i++) {
          const d = acc.differences[i] as number;
          if (d > fence.fence) continue;
          const ocid = acc.ocids[i] as string;
          const winner = acc.winners[i] as string;
          const second = acc.seconds[i] as string;
          const values = {
            winner,
            winningBidAmount: acc.amounts[2 * i],
            secondLowest: second,
            secondLowestValidBidAmount: acc.amounts[2 * i + 1],
            ocid,
          };
          const common = {
            measured: d,
            threshold: fence.fence,
            comparison: "<=" as const,
            thresholdSource: fence.source,
          };
          flags.push({ group: "OCID", id: ocid, value: d, ...common, values });
          flags.push({ group: "Tenderer", id: winner, value: 0, ...common, values });
          flags.push({ group: "Tenderer", id: second, value: 0, ...common, values });
          if (env.map) {
            addToSetMap(map, ocid, winner);
            addToSetMap(map, ocid, second);
          }
        }
        return { flags, meta: fence.meta, maps: env.map ? { ocid_tenderer_r024: map } : undefined };
      },
    };
  },
});
