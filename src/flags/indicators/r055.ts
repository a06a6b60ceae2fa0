/**
 * R055 Large total of direct awards: within a period, the direct awards from one buyer (or
 * procuring entity) to one supplier add up to at least the amount for which an open procedure is
 * used. Splitting a purchase into direct awards avoids competition that the total would require.
 */
import { defineIndicator, type Flag, type Group, type IndicatorOutput } from "../types.ts";
import { parseInstant } from "../view.ts";

const DAY = 86_400_000;

interface Acc {
  /** Lowest /tender/value/amount of open procedures starting in the period. */
  lowestOpen: number | undefined;
  /** "buyer\0supplier" -> [total, awards] */
  buyer: Map<string, [number, number]>;
  procuringEntity: Map<string, [number, number]>;
}

function add(m: Map<string, [number, number]>, key: string, amount: number): void {
  const t = m.get(key);
  if (t) {
    t[0] += amount;
    t[1] += 1;
  } else m.set(key, [amount, 1]);
}

export const R055 = defineIndicator({
  meta: {
    code: "R055",
    name: "Large total of direct awards",
    definition:
      "The direct awards from a buyer to a supplier within a period add up to at least the threshold for open procedures.",
    methodology:
      "For each buyer (and each procuring entity) and supplier, total = the sum of /awards[]/value/amount of " +
      "active awards made to that supplier alone, in processes whose /tender/procurementMethod is 'direct', with " +
      "/awards[]/date between start_date and end_date (by default, the 365 days up to today). A pair is flagged if " +
      "the total is at least the threshold: the configured amount, or else the lowest /tender/value/amount of " +
      "open procedures whose tender period starts within the period. The buyer or procuring entity and the " +
      "supplier are flagged.",
    risk:
      "A buyer can avoid competition by splitting a purchase that would require an open procedure into several " +
      "direct awards to the same supplier.",
    output: "The largest flagged total, for the buyer, procuring entity and supplier (as Tenderer).",
    settings: ["R055.threshold", "R055.start_date", "R055.end_date", "currency"],
    groups: ["Buyer", "ProcuringEntity", "Tenderer"],
  },
  create(env) {
    const s = env.settings.indicators.R055 ?? {};
    const endDate = s.endDate ?? env.today;
    const end =
      endDate !== undefined ? Date.parse(`${endDate}T00:00:00Z`) + DAY - 1 : Number.POSITIVE_INFINITY;
    const startDate =
      s.startDate ??
      (endDate !== undefined ? new Date(end + 1 - 366 * DAY).toISOString().slice(0, 10) : undefined);
    const start = startDate !== undefined ? Date.parse(`${startDate}T00:00:00Z`) : Number.NEGATIVE_INFINITY;
    const within = (t: number | undefined) => t !== undefined && t >= start && t <= end;
    return {
      code: "R055",
      init: (): Acc => ({ lowestOpen: undefined, buyer: new Map(), procuringEntity: new Map() }),
      fold(acc: Acc, view) {
        if (view.procurementMethod === "open") {
          const value = view.tender.value;
          if (
            typeof value?.amount === "number" &&
            within(parseInstant(view.tender.tenderPeriod?.startDate)) &&
            view.currency.accept(value.currency) &&
            (acc.lowestOpen === undefined || value.amount < acc.lowestOpen)
          ) {
            acc.lowestOpen = value.amount;
          }
          return acc;
        }
        if (view.procurementMethod !== "direct") return acc;
        for (const award of view.active) {
          if (award.supplierCount !== 1 || award.suppliers.length !== 1) continue;
          const value = award.raw.value;
          if (typeof value?.amount !== "number" || !within(parseInstant(award.raw.date))) continue;
          if (!view.currency.accept(value.currency)) continue;
          const supplier = award.suppliers[0] as string;
          if (view.buyerId !== undefined) add(acc.buyer, `${view.buyerId}\u0000${supplier}`, value.amount);
          if (view.procuringEntityId !== undefined) {
            add(acc.procuringEntity, `${view.procuringEntityId}\u0000${supplier}`, value.amount);
          }
        }
        return acc;
      },
      reduce(a: Acc, b: Acc) {
        if (b.lowestOpen !== undefined && (a.lowestOpen === undefined || b.lowestOpen < a.lowestOpen)) {
          a.lowestOpen = b.lowestOpen;
        }
        for (const k of ["buyer", "procuringEntity"] as const) {
          for (const [key, [total, n]] of b[k]) {
            const t = a[k].get(key);
            if (t) {
              t[0] += total;
              t[1] += n;
            } else a[k].set(key, [total, n]);
          }
        }
        return a;
      },
      finalize(acc: Acc): IndicatorOutput {
        const threshold = s.threshold ?? acc.lowestOpen;
        if (threshold === undefined) return { flags: [] };
        const source = s.threshold !== undefined ? ("settings" as const) : ("quartiles" as const);
        const best = new Map<string, Flag>();
        const raise = (group: Group, id: string, total: number, values: Record<string, unknown>) => {
          const key = `${group}\u0000${id}`;
          const prev = best.get(key);
          if (prev && prev.value >= total) return;
          best.set(key, {
            group,
            id,
            value: total,
            measured: total,
            threshold,
            comparison: ">=",
            thresholdSource: source,
            values,
          });
        };
        for (const [group, m, role] of [
          ["Buyer", acc.buyer, "buyer"],
          ["ProcuringEntity", acc.procuringEntity, "procuringEntity"],
        ] as const) {
          for (const [key, [total, n]] of m) {
            if (total < threshold) continue;
            const [org, supplier] = key.split("\u0000") as [string, string];
            const values = { [role]: org, supplier, directAwards: n, total, startDate, endDate };
            raise(group, org, total, values);
            raise("Tenderer", supplier, total, values);
          }
        }
        return {
          flags: [...best.values()],
          meta: s.threshold !== undefined ? { threshold } : { lower_open_amount: threshold },
        };
      },
    };
  },
});
