/**
 * B03 after-stop: an order covers the day and monitoring had started, but every started order
 * had stopped (tag removed) before the day. The stop day itself is still monitored. In 2013 a
 * tag removed in September 2011 was still being billed in May 2013.
 */
import type { DayRule } from "../group.ts";
import { subtract } from "../intervals.ts";

export const afterStop: DayRule = {
  id: "B03",
  name: "after-stop",
  notDue(g, lo, hi) {
    return subtract(g.clip(g.started(), lo, hi), g.monitored());
  },
};
