/**
 * R003 Short submission period: the submission period (tender period start to end, in whole days)
 * is shorter than the threshold (15 days, or per procurement method details). A short period lets
 * a corrupt buyer favour a bidder told of the opportunity in advance.
 */
import { concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";
import { parseInstant } from "../view.ts";

const DAY = 86_400_000;

export const R003 = defineIndicator({
  meta: {
    code: "R003",
    name: "Short submission period",
    definition: "The submission period is too short.",
    methodology:
      "The submission period is /tender/tenderPeriod/endDate minus /tender/tenderPeriod/startDate in whole days. " +
      "A process is flagged if it is shorter than the threshold (15 days by default, or the value for its " +
      "/tender/procurementMethodDetails in [R003.procurement_method_details]).",
    risk:
      "A corrupt buyer can favour a pre-determined bidder by telling it of the opportunity in advance and giving " +
      "other bidders too little time to prepare competitive bids.",
    output: "Always 1.0 for the contracting process.",
    settings: ["R003.threshold", "R003.procurement_methods", "R003.procurement_method_details.*"],
    groups: ["OCID"],
  },
  create(env) {
    const s = env.settings.indicators.R003 ?? {};
    const threshold = s.threshold ?? 15;
    return {
      code: "R003",
      init: flagColumns,
      fold(acc, view) {
        if (s.procurementMethods && !s.procurementMethods.has(view.procurementMethod ?? "")) return acc;
        const period = view.tender.tenderPeriod;
        const start = parseInstant(period?.startDate);
        const end = parseInstant(period?.endDate);
        if (start === undefined || end === undefined) return acc;
        const days = Math.trunc((end - start) / DAY);
        const perDetails =
          view.procurementMethodDetails !== undefined
            ? s.procurementMethodDetails?.get(view.procurementMethodDetails)
            : undefined;
        const limit = perDetails ?? threshold;
        if (days < limit) {
          pushFlag(acc, {
            group: "OCID",
            id: view.ocid,
            value: 1,
            measured: days,
            threshold: limit,
            comparison: "<",
            thresholdSource: perDetails !== undefined || s.threshold !== undefined ? "settings" : "default",
            values: { startDate: period.startDate, endDate: period.endDate, days },
          });
        }
        return acc;
      },
      reduce: concatFlags,
      finalize: (acc) => ({ flags: acc }),
    };
  },
});
