/**
 * B02 no-order: no order of the subject for the billed service covers the day. Without an
 * order there is nothing to deliver; the line's own order_id is not trusted, any order of the
 * subject for the service counts.
 */
import type { DayRule } from "../group.ts";
import { subtract } from "../intervals.ts";

export const noOrder: DayRule = {
  id: "B02",
  name: "no-order",
  notDue(g, lo, hi) {
    return subtract([lo, hi], g.clip(g.covered(), lo, hi));
  },
};
