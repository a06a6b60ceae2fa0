/**
 * R018 Single bid received: only one tenderer submitted a bid in a competitive procedure. A lack
 * of competition can be a suppression of competition: the ideal outcome for a corrupt buyer and a
 * pre-determined bidder.
 */
import { concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";

export const R018 = defineIndicator({
  meta: {
    code: "R018",
    name: "Single bid received",
    definition: "Only one tenderer submitted a bid.",
    methodology:
      "A process is flagged if /tender/numberOfTenderers is 1 and /tender/procurementMethod is competitive " +
      "(open or selective by default).",
    risk:
      "In a competitive procedure, a lack of competition might correspond to a suppression of competition, the " +
      "ideal outcome for a corrupt buyer and a pre-determined bidder.",
    output: "Always 1.0 for the contracting process.",
    settings: ["R018.procurement_methods"],
    groups: ["OCID"],
  },
  create(env) {
    const methods = env.settings.indicators.R018?.procurementMethods ?? new Set(["open", "selective"]);
    return {
      code: "R018",
      init: flagColumns,
      fold(acc, view) {
        if (!methods.has(view.procurementMethod ?? "")) return acc;
        if (view.tender.numberOfTenderers !== 1) return acc;
        pushFlag(acc, {
          group: "OCID",
          id: view.ocid,
          value: 1,
          measured: 1,
          threshold: 1,
          comparison: "=",
          thresholdSource: "default",
          values: { procurementMethod: view.procurementMethod, numberOfTenderers: 1 },
        });
        return acc;
      },
      reduce: concatFlags,
      finalize: (acc) => ({ flags: acc }),
    };
  },
});
