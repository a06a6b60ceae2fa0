/**
 * B06 deceased: a billed day after the subject's date of death. The day of death itself may
 * still be due; every later day is not. Billing for the dead was one of the 2013 findings.
 */
import type { DayRule } from "../rule.ts";
import { OPEN } from "../types.ts";

export const deceased: DayRule<"B06"> = {
  kind: "day",
  id: "B06",
  family: "billing",
  name: "Subject had died",
  slug: "deceased",
  detects: "A billed day after the subject's date of death (the day of death itself can be due).",
  whyItMatters: "Nobody can be monitored after death; the dead were billed for in 2013.",
  register: "deaths",
  notDue(g, lo, hi) {
    const death = g.ds.death[g.subject]!;
    if (death === OPEN) return [];
    const a = Math.max(lo, death + 1);
    return a <= hi ? [a, hi] : [];
  },
};
