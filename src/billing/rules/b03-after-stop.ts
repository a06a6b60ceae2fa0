/**
 * B03 after-stop: an order covers the day and monitoring had started, but every started order
 * had stopped (tag removed) before the day. The stop day itself is still monitored. In 2013 a
 * tag removed in September 2011 was still being billed in May 2013.
 */
import type { DayRule } from "../rule.ts";
import { subtract } from "../intervals.ts";

export const afterStop: DayRule<"B03"> = {
  kind: "day",
  id: "B03",
  family: "billing",
  name: "Billed after the tag was removed",
  slug: "after-stop",
  detects: "A billed day covered by an order whose monitoring had started, when every started order had stopped before that day.",
  whyItMatters: "Monitoring that has ended is not a service; in 2013 a tag removed in September 2011 was still billed in May 2013.",
  notDue(g, lo, hi) {
    return subtract(g.clip(g.started(), lo, hi), g.monitored());
  },
};
