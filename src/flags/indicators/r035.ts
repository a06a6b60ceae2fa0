/**
 * R035 All except winning bid disqualified: the single tenderer with valid bids won, and at least
 * one other tenderer's bid was disqualified. A corrupt buyer can award the pre-determined bidder by
 * disqualifying everyone else.
 */
import { addToSetMap, concatFlags, defineIndicator, flagColumns, pushFlag } from "../types.ts";

export const R035 = defineIndicator({
  meta: {
    code: "R035",
    name: "All except winning bid disqualified",
    definition: "Bids are disqualified if not submitted by the single tenderer of the winning bid.",
    methodology:
      "A process is flagged if exactly one tenderer submitted valid bids, that tenderer is the only supplier of " +
      "all active awards, and at least the threshold number (1 by default) of other tenderers submitted " +
      "disqualified bids. The winner is also flagged.",
    risk: "A corrupt buyer can award the pre-determined bidder by disqualifying other bidders' bids.",
    output:
      "The number of distinct tenderers with disqualified bids for the process; always 0.0 for the winner.",
    settings: ["R035.threshold"],
    groups: ["OCID", "Tenderer"],
  },
  create(env) {
    const threshold = env.settings.indicators.R035?.threshold ?? 1;
    const source = env.settings.indicators.R035?.threshold !== undefined ? "settings" : "default";
    return {
      code: "R035",
      init: () => ({ flags: flagColumns(), map: new Map<string, Set<string>>() }),
      fold(acc, view) {
        if (!view.awardsFinal || view.active.length === 0 || view.valid.length === 0) return acc;
        const valid = new Set<string>();
        for (const bid of view.valid) for (const t of bid.tenderers) valid.add(t);
        if (valid.size !== 1) return acc;
        const winner = [...valid][0] as string;
        // The suppliers of all active awards are exactly the valid tenderer.
        let awarded = false;
        for (const a of view.active) {
          for (const s of a.suppliers) {
            if (s !== winner) return acc;
            awarded = true;
          }
        }
        if (!awarded) return acc;
        const others = new Set<string>();
        for (const bid of view.disqualified) for (const t of bid.tenderers) if (t !== winner) others.add(t);
        if (others.size === 0 || others.size < threshold) return acc;
        const values = { winner, disqualifiedTenderers: [...others], ocid: view.ocid };
        const common = {
          measured: others.size,
          threshold,
          comparison: ">=" as const,
          thresholdSource: source as "settings" | "default",
        };
        pushFlag(acc.flags, { group: "OCID", id: view.ocid, value: others.size, ...common, values });
        pushFlag(acc.flags, { group: "Tenderer", id: winner, value: 0, ...common, values });
        if (env.map) addToSetMap(acc.map, view.ocid, winner);
        return acc;
      },
      reduce(a, b) {
        concatFlags(a.flags, b.flags);
        for (const [k, v] of b.map) a.map.set(k, v);
        return a;
      },
      finalize: (acc) => ({ flags: acc.flags, maps: env.map ? { ocid_tenderer_r035: acc.map } : undefined }),
    };
  },
});
