/**
 * R028 Identical bid prices: different tenderers submitted bids with the same price. A corrupt
 * buyer can leak competitors' prices so that the pre-determined bidder matches the lowest one.
 */
import { addToSetMap, concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";

export const R028 = defineIndicator({
  meta: {
    code: "R028",
    name: "Identical bid prices",
    definition: "Different tenderers submitted bids with the same price.",
    methodology:
      "A process is flagged if submitted bids from different tenderers have the same amount. " +
      "These tenderers are also flagged. A process with a bid amount not in the main currency is excluded.",
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
        // Per price (amount and currency): the distinct sets of tenderers that bid it. A tenderer may
        // submit several bids at the same price; different sets at one price are the red flag.
        const byPrice = new Map<string, Map<string, string[]>>();
        for (const bid of view.submitted) {
          if (bid.amount === undefined) continue;
          // A monetary value not in the main currency excludes the process (a global rule).
          if (!view.currency.accept(bid.currency)) return acc;
          if (bid.tenderers.length === 0) continue;
          const price = `${bid.amount}\u0000${bid.currency}`;
          let sets = byPrice.get(price);
          if (!sets) {
            sets = new Map();
            byPrice.set(price, sets);
          }
          const ids = [...new Set(bid.tenderers)].sort();
          sets.set(ids.join("\u0000"), ids);
        }
        const flagged = new Set<string>();
        const amounts: number[] = [];
        for (const [price, sets] of byPrice) {
          if (sets.size < 2) continue;
          amounts.push(Number(price.slice(0, price.indexOf("\u0000"))));
          for (const ids of sets.values()) for (const t of ids) flagged.add(t);
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
});
