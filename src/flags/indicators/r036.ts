/**
 * R036 Lowest bid disqualified: the lowest submitted bid is disqualified while the award criterion
 * is price only. A corrupt buyer can award the pre-determined bidder by disqualifying cheaper bids.
 */
import { concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";

export const R036 = defineIndicator({
  meta: {
    code: "R036",
    name: "Lowest bid disqualified",
    definition: "The lowest submitted bid is disqualified, while the award criterion is price only.",
    methodology:
      "A process is flagged if it has one or more active awards, one or more valid bids with amounts, and the " +
      "lowest submitted bid (the first one, if several have the lowest amount) is disqualified. A process with a bid amount not in the main currency is excluded.",
    risk: "A corrupt buyer can award the pre-determined bidder by disqualifying lower-priced bids.",
    output: "Always 1.0 for the contracting process.",
    settings: ["currency", "no_price_comparison_procurement_methods", "price_comparison_procurement_methods"],
    groups: ["OCID"],
  },
  create() {
    return {
      code: "R036",
      init: flagColumns,
      fold(acc, view) {
        if (!view.priceComparable || view.active.length === 0 || view.disqualified.length === 0) return acc;
        let lowest: number | undefined;
        let lowestIsDisqualified = false;
        let lowestOther: number | undefined;
        let validWithAmount = false;
        for (const bid of view.submitted) {
          if (bid.amount === undefined) continue;
          // A monetary value not in the main currency excludes the process (a global rule).
          if (!view.currency.accept(bid.currency)) return acc;
          if (lowest === undefined || bid.amount < lowest) {
            lowest = bid.amount;
            lowestIsDisqualified = bid.status === "disqualified";
          }
          if (bid.status !== "disqualified" && (lowestOther === undefined || bid.amount < lowestOther)) {
            lowestOther = bid.amount;
          }
          if (bid.status === "valid") validWithAmount = true;
        }
        if (!validWithAmount || !lowestIsDisqualified) return acc;
        const lowestDisqualified = lowest as number;
        pushFlag(acc, {
          group: "OCID",
          id: view.ocid,
          value: 1,
          measured: lowestDisqualified,
          threshold: lowestOther,
          comparison: "<=",
          values: {
            lowestDisqualifiedBidAmount: lowestDisqualified,
            lowestOtherSubmittedBidAmount: lowestOther,
          },
        });
        return acc;
      },
      reduce: concatFlags,
      finalize: (acc) => ({ flags: acc }),
    };
  },
});
