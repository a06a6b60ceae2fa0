/**
 * B01 unknown-subject: the line bills for someone who is not in the authority's identity
 * register. A charge for a person the authority has never heard of cannot be due; in 2013 some
 * billed people had never been tagged at all.
 */
import type { DayRule } from "../rule.ts";

export const unknownSubject: DayRule<"B01"> = {
  kind: "day",
  id: "B01",
  family: "billing",
  name: "Subject not in the identity register",
  slug: "unknown-subject",
  detects: "A billed day for a subject who is not in the authority's identity register (subjects.csv).",
  whyItMatters: "A charge for someone the authority has no record of cannot be checked against anything and cannot be due; in 2013 people who had never been tagged were billed.",
  notDue(g, lo, hi) {
    return g.ds.registered[g.subject] === 1 ? [] : [lo, hi];
  },
};
