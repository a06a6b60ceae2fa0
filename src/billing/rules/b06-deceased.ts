/**
 * B06 deceased: a billed day after the subject's date of death. The day of death itself may
 * still be due; every later day is not. Billing for the dead was one of the 2013 findings.
 */
import type { DayRule } from "../group.ts";
import { OPEN } from "../types.ts";

export const deceased: DayRule = {
  id: "B06",
  name: "deceased",
  register: "deaths",
  notDue(g, lo, hi) {
    const death = g.ds.death[g.subject]!;
    if (death === OPEN) return [];
    const a = Math.max(lo, death + 1);
    return a <= hi ? [a, hi] : [];
  },
};
