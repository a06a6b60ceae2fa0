/**
 * R030 Late bid won: a valid bid received after the submission deadline won. A corrupt buyer can
 * leak the received bids and let the pre-determined bidder bid late.
 */
import { addToSetMap, concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";
import { parseInstant } from "../view.ts";

export const R030 = defineIndicator({
  meta: {
    code: "R030",
    name: "Late bid won",
    definition: "The winning bid was received after the submission deadline.",
    methodology:
      "A process is flagged if a valid bid's date (/bids/details[]/date) is after the submission deadline " +
      "(/tender/tenderPeriod/endDate) and a tenderer of that bid is the supplier of an active award. These " +
      "tenderers are also flagged.",
    risk: "A corrupt buyer can award the pre-determined bidder by disregarding the submission deadline.",
    output: "Always 1.0, for the contracting process and for the tenderers.",
    settings: [],
    groups: ["OCID", "Tenderer"],
  },
  create(env) {
    return {
      code: "R030",
      init: () => ({ flags: flagColumns(), map: new Map<string, Set<string>>() }),
      fold(acc, view) {
        if (view.active.length === 0 || view.valid.length === 0) return acc;
        const deadline = view.tender.tenderPeriod?.endDate;
        if (typeof deadline !== "string" || !Array.isArray(view.release.awards)) return acc;
        // "After" is in time: 10:00-05:00 is after 14:30Z, and 10:00:00.000Z is not after 10:00:00Z.
        // A date that is not RFC 3339 is compared as text, as written.
        const deadlineAt = parseInstant(deadline);
        const isLate = (date: string) => {
          const at = parseInstant(date);
          return at !== undefined && deadlineAt !== undefined ? at > deadlineAt : date > deadline;
        };
        const suppliers = new Set<string>();
        for (const a of view.active) for (const s of a.suppliers) suppliers.add(s);
        const late = new Map<string, string>();
        for (const bid of view.valid) {
          if (typeof bid.date !== "string" || !isLate(bid.date)) continue;
          for (const t of bid.tenderers)
            if (suppliers.has(t) && !late.has(t)) late.set(t, bid.date as string);
        }
        if (late.size === 0) return acc;
        const values = {
          deadline: view.tender.tenderPeriod.endDate,
          lateWinningBids: Object.fromEntries(late),
          ocid: view.ocid,
        };
        const common = { comparison: ">" as const };
        pushFlag(acc.flags, { group: "OCID", id: view.ocid, value: 1, ...common, values });
        for (const t of late.keys()) {
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
      finalize: (acc) => ({ flags: acc.flags, maps: env.map ? { ocid_tenderer_r030: acc.map } : undefined }),
    };
  },
});
