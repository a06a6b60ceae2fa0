/**
 * B01 unknown-subject: the line bills for someone who is not in the authority's identity
 * register. A charge for a person the authority has never heard of cannot be due; in 2013 some
 * billed people had never been tagged at all.
 */
import type { DayRule } from "../group.ts";

export const unknownSubject: DayRule = {
  id: "B01",
  name: "unknown-subject",
  notDue(g, lo, hi) {
    return g.ds.registered[g.subject] === 1 ? [] : [lo, hi];
  },
};
