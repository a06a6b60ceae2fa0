/**
 * B05 in-custody: a billed day inside a custody spell (from_date ≤ d ≤ to_date, both days
 * included; an empty to_date means still in custody). Someone back in prison is not being
 * monitored in the community, so the day is not due.
 */
import type { DayRule } from "../rule.ts";

export const inCustody: DayRule<"B05"> = {
  kind: "day",
  id: "B05",
  family: "billing",
  name: "Subject in custody",
  slug: "in-custody",
  detects: "A billed day inside one of the subject's custody spells (from_date ≤ d ≤ to_date; an empty to_date means still in custody).",
  whyItMatters: "Someone back in prison is not being monitored in the community.",
  register: "custody",
  notDue(g, lo, hi) {
    const { custodyOff, custodyFrom, custodyTo } = g.ds;
    return g.spells(custodyOff, custodyFrom, custodyTo, lo, hi);
  },
};
