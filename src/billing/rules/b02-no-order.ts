/**
 * B02 no-order: no order of the subject for the billed service covers the day. Without an
 * order there is nothing to deliver; the line's own order_id is not trusted, any order of the
 * subject for the service counts.
 */
import type { DayRule } from "../rule.ts";
import { subtract } from "../intervals.ts";

export const noOrder: DayRule<"B02"> = {
  kind: "day",
  id: "B02",
  family: "billing",
  name: "No order covers the day",
  slug: "no-order",
  detects: "A billed day that no order of the subject for the billed service covers (start_date ≤ d ≤ end_date).",
  whyItMatters: "Without an order there is no service to pay for; any order of the subject for the service counts, and the line's own order_id is not trusted.",
  notDue(g, lo, hi) {
    return subtract([lo, hi], g.clip(g.covered(), lo, hi));
  },
};
