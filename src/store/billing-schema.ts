/** Billing assurance tables (migration 003_billing). Money in integer pence, dates ISO text. */
import type { Selectable } from "kysely";
import type { BillingState } from "../contract/billing.ts";

/** The workflow states are the API's (src/contract/billing.ts). */
export type { BillingState };

export interface BillingRunsTable {
  id: string;
  contract_id: string;
  /** 1, 2, ... per contract. */
  seq: number;
  /** 1 for the contract's latest run, whose exceptions make up the queue. */
  current: number;
  uploaded_at: string;
  uploaded_by: string;
  reason: string;
  /** [{file, rows}] */
  files_json: string;
  lines: number;
  subject_days: number;
  billed_pence: number;
  at_risk_pence: number;
  exceptions: number;
  /** The engine's byRule: {B01: {lines, days, amount}, ...} with amounts in pence. */
  by_rule_json: string;
  skipped_rules_json: string;
  demo: number;
}

export interface BillingExceptionsTable {
  id: string;
  run_id: string;
  contract_id: string;
  supplier: string;
  invoice_id: string;
  line_id: string;
  subject_id: string;
  service_code: string;
  rule: string;
  days: number;
  amount_pence: number;
  /** YYYY-MM of the line's period start. */
  month: string;
  period_start: string;
  period_end: string;
  state: BillingState;
  recovered_pence: number;
  credit_note: string | null;
  updated_at: string;
  /** The engine's ExceptionEvidence, kept so the evidence can be shown without the upload. */
  evidence_json: string;
  demo: number;
}

export interface BillingExceptionEventsTable {
  id: string;
  exception_id: string;
  at: string;
  actor: string;
  from_state: string;
  to_state: string;
  reason: string;
  data_json: string;
  demo: number;
}

export interface BillingTables {
  billing_runs: BillingRunsTable;
  billing_exceptions: BillingExceptionsTable;
  billing_exception_events: BillingExceptionEventsTable;
}

/** Restore order: parents first. */
export const BILLING_TABLES = ["billing_runs", "billing_exceptions", "billing_exception_events"] as const;

export type BillingRunRow = Selectable<BillingRunsTable>;
export type BillingExceptionRow = Selectable<BillingExceptionsTable>;
export type BillingEventRow = Selectable<BillingExceptionEventsTable>;
