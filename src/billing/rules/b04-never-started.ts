/**
 * B04 never-started: an order covers the day, but no covering order had a tag fitted (a start
 * event) on or before it. Billing for monitoring that never began was one of the 2013 findings.
 */
import type { DayRule } from "../rule.ts";
import { subtract } from "../intervals.ts";

export const neverStarted: DayRule<"B04"> = {
  kind: "day",
  id: "B04",
  family: "billing",
  name: "Billed before the tag was fitted",
  slug: "never-started",
  detects: "A billed day covered by orders none of which had a start event (tag fitted) on or before it.",
  whyItMatters: "Billing for monitoring that had not begun was one of the 2013 findings.",
  notDue(g, lo, hi) {
    return subtract(g.clip(g.covered(), lo, hi), g.started());
  },
};
