/**
 * R038 Excessive disqualified bids: the ratio of disqualified to submitted bids is a high outlier
 * for a buyer, a procuring entity or a tenderer. Buyers can steer awards by disqualifying bids;
 * colluding bidders can mimic competition with deliberately unqualified bids.
 */
import { computeFence } from "../quartiles.ts";
import { defineIndicator, type Flag, type Group } from "../types.ts";

/** [disqualified, submitted, processes] */
type Counts = [number, number, number];

interface Acc {
  buyer: Map<string, Counts>;
  procuringEntity: Map<string, Counts>;
  tenderer: Map<string, Counts>;
  ocidBuyer: Map<string, string>;
  ocidProcuringEntity: Map<string, string>;
}

function add(m: Map<string, Counts>, id: string, d: number, s: number, p: number): void {
  const c = m.get(id);
  if (c) {
    c[0] += d;
    c[1] += s;
    c[2] += p;
  } else m.set(id, [d, s, p]);
}

export const R038 = defineIndicator({
  meta: {
    code: "R038",
    name: "Excessive disqualified bids",
    definition:
      "The ratio of disqualified bids to submitted bids is a high outlier per buyer, procuring entity or tenderer.",
    methodology:
      "For each buyer, procuring entity and tenderer, ratio = disqualified bids / submitted bids across all " +
      "processes. An organization is flagged if its ratio is at least the upper fence Q3 + 1.5·IQR of the ratios " +
      "in its group (or the configured threshold), and the fence is above 0. Buyers and procuring entities with " +
      "fewer than minimum_contracting_processes (2) submitted bids (Cardinal's reading of that setting), and " +
      "tenderers with fewer than minimum_submitted_bids (2) submitted bids, are excluded.",
    risk:
      "A corrupt buyer or procuring entity can award pre-determined bidders by disqualifying other bidders' bids. " +
      "A colluding bidder can mimic competition by submitting deliberately unqualified bids.",
    output: "The ratio for the buyer, procuring entity or tenderer.",
    settings: ["R038.threshold", "R038.minimum_submitted_bids", "R038.minimum_contracting_processes"],
    groups: ["Buyer", "ProcuringEntity", "Tenderer"],
  },
  create(env) {
    const s = env.settings.indicators.R038 ?? {};
    const minBids = s.minimumSubmittedBids ?? 2;
    const minProcesses = s.minimumContractingProcesses ?? 2;
    return {
      code: "R038",
      init: (): Acc => ({
        buyer: new Map(),
        procuringEntity: new Map(),
        tenderer: new Map(),
        ocidBuyer: new Map(),
        ocidProcuringEntity: new Map(),
      }),
      fold(acc: Acc, view) {
        const submitted = view.submitted.length;
        if (submitted === 0) return acc;
        const disqualified = view.disqualified.length;
        if (view.buyerId !== undefined) {
          add(acc.buyer, view.buyerId, disqualified, submitted, 1);
          if (env.map && disqualified > 0) acc.ocidBuyer.set(view.ocid, view.buyerId);
        }
        if (view.procuringEntityId !== undefined) {
          add(acc.procuringEntity, view.procuringEntityId, disqualified, submitted, 1);
          if (env.map && disqualified > 0) acc.ocidProcuringEntity.set(view.ocid, view.procuringEntityId);
        }
        for (const bid of view.submitted) {
          const d = bid.status === "disqualified" ? 1 : 0;
          for (const t of bid.tenderers) add(acc.tenderer, t, d, 1, 0);
        }
        return acc;
      },
      reduce(a: Acc, b: Acc) {
        for (const k of ["buyer", "procuringEntity", "tenderer"] as const) {
          for (const [id, [d, s2, p]] of b[k]) add(a[k], id, d, s2, p);
        }
        for (const [k, v] of b.ocidBuyer) a.ocidBuyer.set(k, v);
        for (const [k, v] of b.ocidProcuringEntity) a.ocidProcuringEntity.set(k, v);
        return a;
      },
      finalize(acc: Acc) {
        const flags: Flag[] = [];
        const meta: Record<string, number> = {};
        const groups: [Group, Map<string, Counts>, string, (c: Counts) => boolean][] = [
          // As Cardinal does, the minimum number of contracting processes is compared with the number of
          // bids submitted to the buyer or procuring entity (each process counted has at least one).
          ["Buyer", acc.buyer, "Buyer_", (c) => c[1] >= minProcesses],
          ["ProcuringEntity", acc.procuringEntity, "ProcuringEntity_", (c) => c[1] >= minProcesses],
          ["Tenderer", acc.tenderer, "Tenderer_", (c) => c[1] >= minBids],
        ];
        for (const [group, counts, prefix, eligible] of groups) {
          const ratios: [string, number, Counts][] = [];
          for (const [id, c] of counts) if (eligible(c)) ratios.push([id, c[0] / c[1], c]);
          if (ratios.length === 0) continue;
          const fence = computeFence(
            ratios.map((r) => r[1]),
            "upper",
            s.threshold,
            prefix,
            false,
          );
          if (!fence) continue;
          Object.assign(meta, fence.meta);
          // Ratios are never negative: a fence at 0 would flag everyone (75% have no disqualified bids).
          if (fence.fence <= 0) continue;
          for (const [id, ratio, c] of ratios) {
            if (ratio < fence.fence) continue;
            flags.push({
              group,
              id,
              value: ratio,
              measured: ratio,
              threshold: fence.fence,
              comparison: ">=",
              thresholdSource: fence.source,
              values: {
                disqualifiedBids: c[0],
                submittedBids: c[1],
                ...(group === "Tenderer" ? {} : { contractingProcesses: c[2] }),
              },
            });
          }
        }
        return {
          flags,
          meta,
          maps: env.map
            ? { ocid_buyer_r038: acc.ocidBuyer, ocid_procuringentity_r038: acc.ocidProcuringEntity }
            : undefined,
        };
      },
    };
  },
});
