/**
 * B07 abroad: a billed day while the subject was out of the country (departure_date ≤ d <
 * return_date: the day of departure is not due, the day of return is). Nobody can be
 * electronically monitored here while abroad.
 */
import type { DayRule } from "../group.ts";

export const abroad: DayRule = {
  id: "B07",
  name: "abroad",
  register: "departures",
  notDue(g, lo, hi) {
    const { awayOff, awayFrom, awayTo } = g.ds;
    return g.spells(awayOff, awayFrom, awayTo, lo, hi);
  },
};
