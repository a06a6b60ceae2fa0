/** The horizon report as JSON-ready data for the CLI and the API: money as decimal strings in pounds. */
import { penceToDecimal } from "../../shared/money.ts";
import type { HorizonReport } from "./horizon.ts";

export function horizonJson(r: HorizonReport) {
  return {
    ...r,
    total: penceToDecimal(r.total),
    unallocated: penceToDecimal(r.unallocated),
    administrations: r.administrations.map((a) => ({ ...a, committed: penceToDecimal(a.committed) })),
    breakPoints: r.breakPoints.map((b) => ({
      ...b,
      terminationCost: penceToDecimal(b.terminationCost),
      paymentsAfter: penceToDecimal(b.paymentsAfter),
      paymentsBefore: penceToDecimal(b.paymentsBefore),
    })),
  };
}
