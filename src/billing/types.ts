/** Shared types of the billing-assurance engine. */

/** Rule identifiers (in id order) and titles, derived from the registry in rules/index.ts. */
export { BILLING_TITLES, RULE_IDS, type RuleId, ruleIndex } from "./rules/index.ts";
import type { RuleId } from "./rules/index.ts";

/** Day number meaning "no end" (open order, still in custody, still away, no death). */
export const OPEN = 2_147_483_647;

/** Optional registers; when absent their rule is skipped. */
export type OptionalRegister = "custody" | "deaths" | "departures";

/** One invoice line as typed data (dates ISO, money in integer pence). */
export interface InvoiceLineRecord {
  invoiceId: string;
  lineId: string;
  contractId: string;
  subjectId: string;
  orderId: string;
  serviceCode: string;
  periodStart: string;
  periodEnd: string;
  units: number;
  unitPrice: number;
  amount: number;
}
export interface OrderRecord {
  orderId: string;
  subjectId: string;
  serviceCode: string;
  startDate: string;
  endDate: string | null;
}
export interface ServiceEventRecord {
  orderId: string;
  subjectId: string;
  event: "start" | "stop";
  date: string;
}
export interface CustodyRecord {
  subjectId: string;
  fromDate: string;
  toDate: string | null;
}
export interface DeathRecord {
  subjectId: string;
  dateOfDeath: string;
}
export interface DepartureRecord {
  subjectId: string;
  departureDate: string;
  returnDate: string | null;
}
export interface PriceRecord {
  contractId: string;
  serviceCode: string;
  validFrom: string;
  validTo: string | null;
  unitPrice: number;
}

/** Everything the engine reconciles, as plain records (the small-scale, API-friendly form). */
export interface BillingRecords {
  invoiceLines: InvoiceLineRecord[];
  orders: OrderRecord[];
  serviceEvents: ServiceEventRecord[];
  subjects: string[];
  prices: PriceRecord[];
  /** Absent (undefined) means the register was not supplied and rule B05 is skipped. */
  custody?: CustodyRecord[];
  /** Absent means rule B06 is skipped. */
  deaths?: DeathRecord[];
  /** Absent means rule B07 is skipped. */
  departures?: DepartureRecord[];
}

/** One exception: a line, a rule, how many of its days fail it and the money at risk. */
export interface BillingException {
  /** Index of the line in the dataset (input order). */
  line: number;
  lineId: string;
  invoiceId: string;
  subjectId: string;
  rule: RuleId;
  days: number;
  /** Integer pence, rounded once per line and rule. */
  amountAtRisk: number;
}

export interface RuleTotals {
  lines: number;
  days: number;
  /** Integer pence. */
  amount: number;
}

export interface BillingSummary {
  lines: number;
  subjectDays: number;
  /** Integer pence. */
  billed: number;
  /** Integer pence: the sum of every exception's amount at risk. */
  atRisk: number;
  byRule: Record<RuleId, RuleTotals>;
  skippedRules: RuleId[];
}
