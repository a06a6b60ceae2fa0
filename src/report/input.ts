/**
 * What the scrutiny report is built from: records and engine results as the use case
 * (src/app/report.ts) read them from the store, already narrowed to the report's scope. Plain
 * data: the report engine reads nothing else, so the same input always gives the same report.
 * A missing part (no appraisal, no billing run, no savings recorded) is an empty list or null,
 * and the report says "not recorded" for it.
 */
import type { ContractBillingTotals } from "../contract/billing.ts";
import type { AppraisalResult, GateHistory, HorizonResult, WorkforceResult } from "../contract/decide.ts";
import type { ExplainedFlag } from "../contract/flags.ts";
import type { Kpi, KpiRating } from "../contract/manage.ts";
import type { Contract, Decision, Service } from "../contract/records.ts";
import type { ScopeKind } from "./model.ts";

export interface ReportService
  extends Pick<Service, "id" | "name" | "stage" | "annualCostPence" | "staff" | "waveId" | "demoFields"> {}

export interface ReportContract
  extends Pick<
    Contract,
    | "id"
    | "ocid"
    | "title"
    | "supplier"
    | "serviceIds"
    | "valuePence"
    | "savingsClaimedPence"
    | "startDate"
    | "endDate"
    | "maxEndDate"
    | "status"
    | "demoFields"
  > {}

/** A stored Decide document with the engine's result (null with the reason when it could not be computed). */
export interface WithResult<R> {
  id: string;
  title: string;
  serviceId: string | null;
  contractId: string | null;
  demoFields: string[];
  result: R | null;
  error?: string;
}

/** The gate history of one subject (a contract, or a service without one). */
export interface SubjectGates {
  subject: { kind: "service" | "contract"; id: string };
  history: GateHistory;
}

export interface ContractPerformance {
  contractId: string;
  kpis: Kpi[];
  ratings: KpiRating[];
}

/** Service credits deducted on a contract, when recorded (null: not recorded). */
export interface ContractCredits {
  contractId: string;
  creditsPence: number | null;
  /** Months the regime assessed (null: not recorded). */
  months: number | null;
  /** The regime's terms in words, or why there are no credits. */
  basis: string | null;
}

/** Savings claimed against realised on a contract (null where not recorded). */
export interface ContractSavings {
  contractId: string;
  /** The headline claim over the contract's life. */
  claimedPence: number | null;
  /** What the savings plan claims up to the date the data was read. */
  claimedToDatePence: number | null;
  /** Realised up to the date the data was read. */
  realisedPence: number | null;
  /** Where the realised figure came from, in words. */
  basis: string | null;
}

/** The red flags raised on a contract's contracting process (by its ocid). */
export interface ContractFlags {
  contractId: string;
  ocid: string;
  flags: ExplainedFlag[];
}

export interface ReportInput {
  scope: { kind: ScopeKind; id?: string };
  /** The body the report is about (the buyer), as its name reads. */
  body: string;
  dataReadOn: string;
  stages: { id: string; label: string }[];
  services: ReportService[];
  contracts: ReportContract[];
  decisions: Decision[];
  appraisals: WithResult<AppraisalResult>[];
  gates: SubjectGates[];
  horizons: WithResult<HorizonResult>[];
  workforce: WithResult<WorkforceResult>[];
  performance: ContractPerformance[];
  credits: ContractCredits[];
  savings: ContractSavings[];
  billing: ContractBillingTotals[];
  /** Red flags per contract with an ocid; null when the red flags could not be run (with why). */
  flags: ContractFlags[] | null;
  /** The body's report only: every stored contracting process the indicators flag. */
  flaggedProcesses: { ocid: string; name: string | null; flags: ExplainedFlag[] }[];
  flagsNote: string;
}
