/**
 * B04 never-started: an order covers the day, but no covering order had a tag fitted (a start
 * event) on or before it. Billing for monitoring that never began was one of the 2013 findings.
 */
import type { DayRule } from "../group.ts";
import { subtract } from "../intervals.ts";

export const neverStarted: DayRule = {
  id: "B04",
  name: "never-started",
  notDue(g, lo, hi) {
    return subtract(g.clip(g.covered(), lo, hi), g.started());
  },
};
