/**
 * Switching values (Green Book 2022, 5.80-5.82): how far an input must move before the
 * decision changes. For each driver: the factor on its stated value at which each option's NPV
 * crosses zero, and the nearest factors (down and up) at which the preferred option changes.
 * A committee reads "the saving only has to fall 12% for in-house to win" straight off it.
 */
import type { Appraisal } from "./appraise.ts";
import type { AppraisalDriver } from "./drivers.ts";

export interface PreferredChange {
  /** Factor on the driver's stated value (0.88 = 12% lower). */
  factor: number;
  /** Option that becomes preferred at that point. */
  to: string;
}

export interface SwitchingValue {
  driver: string;
  label: string;
  /** Per option: factor at which that option's NPV reaches zero (null if the driver cannot move it there). */
  npvZero: Array<{ option: string; factor: number | null }>;
  /** Nearest change of preferred option below the stated value (factor in [0, 1)), or null. */
  preferredChangesDown: PreferredChange | null;
  /** Nearest change of preferred option above the stated value (factor > 1), or null. */
  preferredChangesUp: PreferredChange | null;
}

export function switchingValues(appraisal: Appraisal, drivers: AppraisalDriver[]): SwitchingValue[] {
  const ids = appraisal.options.map((o) => o.id);
  const npv = appraisal.options.map((o) => o.npv);
  const p = ids.indexOf(appraisal.preferred);
  return drivers.map((d) => {
    const npvZero = ids.map((option, i) => {
      const b = d.pv[i]!;
      // NPV_i(f) = npv_i + (f - 1) b = 0  =>  f = 1 - npv_i / b
      const f = b === 0 ? null : 1 - npv[i]! / b;
      return { option, factor: f !== null && f >= 0 ? f : null };
    });
    let down: PreferredChange | null = null;
    let up: PreferredChange | null = null;
    for (let o = 0; o < ids.length; o++) {
      if (o === p) continue;
      const slope = d.pv[p]! - d.pv[o]!;
      if (slope === 0) continue;
      // npv_p + (f-1) b_p = npv_o + (f-1) b_o  =>  f = 1 + (npv_o - npv_p) / (b_p - b_o)
      const f = 1 + (npv[o]! - npv[p]!) / slope;
      if (f < 1 && f >= 0 && (!down || f > down.factor)) down = { factor: f, to: ids[o]! };
      if (f > 1 && (!up || f < up.factor)) up = { factor: f, to: ids[o]! };
    }
    return { driver: d.id, label: d.label, npvZero, preferredChangesDown: down, preferredChangesUp: up };
  });
}
