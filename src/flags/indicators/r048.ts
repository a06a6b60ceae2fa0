/**
 * R048 Heterogeneous supplier: the variety of item classifications (first level of the hierarchy)
 * a tenderer is awarded is a high outlier. A supplier of everything is more likely unsuitable:
 * low value for money, poor delivery, or rent extraction.
 */
import { computeFence } from "../quartiles.ts";
import { defineIndicator, type Flag } from "../types.ts";

/** Per tenderer: processes awarded, and the distinct classification prefixes. */
type Acc = Map<string, { processes: number; classes: Set<string> }>;

export const R048 = defineIndicator({
  meta: {
    code: "R048",
    name: "Heterogeneous supplier",
    definition: "The variety of items supplied by a tenderer is a high outlier.",
    methodology:
      "For each tenderer, variety = the number of distinct first-level classifications (the first `digits` " +
      "characters of /awards[]/items[]/classification/id, 2 by default) across all items of active awards made " +
      "to it alone. A tenderer is flagged if its variety is at least the upper fence Q3 + 1.5·IQR of the " +
      "varieties of the tenderers awarded in at least minimum_contracting_processes (20) processes (or the " +
      "configured threshold).",
    risk:
      "A heterogeneous supplier is more likely to be unsuitable, increasing the risk of low value for money, low " +
      "quality of delivery, and/or rent extraction.",
    output: "The variety for the tenderer.",
    settings: ["R048.digits", "R048.threshold", "R048.minimum_contracting_processes"],
    groups: ["Tenderer"],
  },
  create(env) {
    const s = env.settings.indicators.R048 ?? {};
    const digits = s.digits ?? 2;
    const minProcesses = s.minimumContractingProcesses ?? 20;
    return {
      code: "R048",
      init: (): Acc => new Map(),
      fold(acc: Acc, view) {
        let seen: string | string[] | undefined;
        for (const award of view.active) {
          if (award.supplierCount !== 1 || award.suppliers.length !== 1) continue;
          const items = award.raw.items;
          if (!Array.isArray(items)) continue;
          const supplier = award.suppliers[0] as string;
          for (const item of items) {
            const id = item?.classification?.id;
            if (typeof id !== "string") continue;
            let entry = acc.get(supplier);
            if (!entry) {
              entry = { processes: 0, classes: new Set() };
              acc.set(supplier, entry);
            }
            // A supplier counts once per contracting process.
            if (seen === undefined) {
              seen = supplier;
              entry.processes++;
            } else if (typeof seen === "string" ? seen !== supplier : !seen.includes(supplier)) {
              seen = typeof seen === "string" ? [seen, supplier] : [...seen, supplier];
              entry.processes++;
            }
            entry.classes.add(id.slice(0, digits));
          }
        }
        return acc;
      },
      reduce(a: Acc, b: Acc) {
        for (const [id, e] of b) {
          const x = a.get(id);
          if (!x) a.set(id, e);
          else {
            x.processes += e.processes;
            for (const c of e.classes) x.classes.add(c);
          }
        }
        return a;
      },
      finalize(acc: Acc) {
        // Only tenderers awarded in enough processes inform the fence (a tenderer with few awards has
        // a small variety by construction); every tenderer is then compared with it.
        const varieties: number[] = [];
        for (const e of acc.values()) if (e.processes >= minProcesses) varieties.push(e.classes.size);
        if (varieties.length === 0 && s.threshold === undefined) return { flags: [] };
        const fence = computeFence(varieties, "upper", s.threshold);
        if (!fence) return { flags: [] };
        const flags: Flag[] = [];
        for (const [id, e] of acc) {
          const variety = e.classes.size;
          if (variety < fence.fence) continue;
          flags.push({
            group: "Tenderer",
            id,
            value: variety,
            measured: variety,
            threshold: fence.fence,
            comparison: ">=",
            thresholdSource: fence.source,
            values: { classifications: [...e.classes].sort(), contractingProcesses: e.processes },
          });
        }
        return { flags, meta: fence.meta };
      },
    };
  },
});
