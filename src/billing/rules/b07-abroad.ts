/**
 * B07 abroad: a billed day while the subject was out of the country (departure_date ≤ d <
 * return_date: the day of departure is not due, the day of return is). Nobody can be
 * electronically monitored here while abroad.
 */
import type { DayRule } from "../rule.ts";

export const abroad: DayRule<"B07"> = {
  kind: "day",
  id: "B07",
  family: "billing",
  name: "Subject abroad",
  slug: "abroad",
  detects: "A billed day while the subject was out of the country (departure_date ≤ d < return_date; an empty return_date means still away).",
  whyItMatters: "Nobody abroad can be electronically monitored here.",
  register: "departures",
  notDue(g, lo, hi) {
    const { awayOff, awayFrom, awayTo } = g.ds;
    return g.spells(awayOff, awayFrom, awayTo, lo, hi);
  },
};
