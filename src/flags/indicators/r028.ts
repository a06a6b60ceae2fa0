/**
 * R028 Identical bid prices: different tenderers submitted bids with the same price. A corrupt
 * buyer can leak competitors' prices so that the pre-determined bidder matches the lowest one.
 */
import { addToSetMap, concatFlags, flagColumns, type IndicatorModule, pushFlag } from "../types.ts";

export const R028: IndicatorModule = {
  meta: {
    code: "R028",
    name: "Identical bid prices",
    definition: "Different tenderers submitted bids with the same price.",
    methodology:
      "A process is flagged if submitted bids from different tenderers have the same amount (in the main " +
      "currency). These tenderers are also flagged.",
    risk: "A corrupt buyer can award the pre-determined bidder by leaking competitors' prices.",
    output: "Always 1.0, for the contracting process and for the tenderers.",
    settings: ["currency", "no_price_comparison_procurement_methods", "price_comparison_procurement_methods"],
    groups: ["OCID", "Tenderer"],
  },
  create(env) {
    return {
      code: "R028",
      init: () => ({ flags: flagColumns(), map: new Map<string, Set<string>>() }),
      fold(acc, view) {
        if (!view.priceComparable || view.submitted.length < 2) return acc;
        const byAmount = new Map<number, Set<string>>();
        for (const bid of view.submitted) {
          if (bid.amount === undefined || bid.tenderers.length === 0 || !view.currency.accept(bid.currency))
            continue;
          let set = byAmount.get(bid.amount);
          if (!set) {
            set = new Set();
            byAmount.set(bid.amount, set);
          }
          for (const t of bid.tenderers) set.add(t);
        }
        const flagged = new Set<string>();
        const amounts: number[] = [];
        for (const [amount, tenderers] of byAmount) {
          if (tenderers.size < 2) continue;
          amounts.push(amount);
          for (const t of tenderers) flagged.add(t);
        }
        if (flagged.size === 0) return acc;
        const values = { amounts, tenderers: [...flagged], ocid: view.ocid };
        const common = {
          measured: flagged.size,
          threshold: 2,
          comparison: ">=" as const,
          thresholdSource: "default" as const,
        };
        pushFlag(acc.flags, { group: "OCID", id: view.ocid, value: 1, ...common, values });
        for (const t of flagged) {
          pushFlag(acc.flags, { group: "Tenderer", id: t, value: 1, ...common, values });
          if (env.map) addToSetMap(acc.map, view.ocid, t);
        }
        return acc;
      },
      reduce(a, b) {
        concatFlags(a.flags, b.flags);
        for (const [k, v] of b.map) a.map.set(k, v);
        return a;
      },
      finalize: (acc) => ({ flags: acc.flags, maps: env.map ? { ocid_tenderer_r028: acc.map } : undefined }),
    };
  },
};
