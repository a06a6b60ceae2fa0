/**
 * B05 in-custody: a billed day inside a custody spell (from_date ≤ d ≤ to_date, both days
 * included; an empty to_date means still in custody). Someone back in prison is not being
 * monitored in the community, so the day is not due.
 */
import type { DayRule } from "../group.ts";

export const inCustody: DayRule = {
  id: "B05",
  name: "in-custody",
  register: "custody",
  notDue(g, lo, hi) {
    const { custodyOff, custodyFrom, custodyTo } = g.ds;
    return g.spells(custodyOff, custodyFrom, custodyTo, lo, hi);
  },
};
