/** Small hand-made worlds for rule tests: one subject tagged for all of 2015 at £10.00 a day. */
import { daysBetween } from "../../src/shared/dates.ts";
import { reconcile } from "../../src/billing/index.ts";
import type { BillingRecords, InvoiceLineRecord } from "../../src/billing/types.ts";

export function baseWorld(): BillingRecords {
  return {
    subjects: ["S1"],
    orders: [
      { orderId: "O1", subjectId: "S1", serviceCode: "EM", startDate: "2015-01-01", endDate: "2015-12-31" },
    ],
    serviceEvents: [{ orderId: "O1", subjectId: "S1", event: "start", date: "2015-01-01" }],
    prices: [
      { contractId: "C1", serviceCode: "EM", validFrom: "2015-01-01", validTo: null, unitPrice: 1000 },
    ],
    invoiceLines: [],
    custody: [],
    deaths: [],
    departures: [],
  };
}

/** A line at £10.00 a day unless `amount` (pence) says otherwise. */
export function line(
  lineId: string,
  periodStart: string,
  periodEnd: string,
  extra: Partial<InvoiceLineRecord> = {},
): InvoiceLineRecord {
  const days = daysBetween(periodStart, periodEnd) + 1;
  return {
    invoiceId: "INV1",
    lineId,
    contractId: "C1",
    subjectId: "S1",
    orderId: "O1",
    serviceCode: "EM",
    periodStart,
    periodEnd,
    units: days,
    unitPrice: 1000,
    amount: days * 1000,
    ...extra,
  };
}

/** Runs reconcile and returns "lineId rule" -> [days, pence]. */
export function results(world: BillingRecords): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const e of reconcile(world).exceptions) out[`${e.lineId} ${e.rule}`] = [e.days, e.amountAtRisk];
  return out;
}
