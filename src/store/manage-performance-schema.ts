/**
 * Performance and obligations (migration 007_performance): KPI results per period, a
 * service-credit regime per contract, obligations and their completions. The columns 007 adds
 * to contract_kpis are typed in manage-schema.ts's table by extension here.
 */
export interface KpiMeasureColumns {
  target_value: string;
  tolerance: string;
  /** higher | lower: which way is better */
  direction: string;
  /** monthly | quarterly | annual */
  period: string;
  weight: number;
  /** supplier | authority */
  source: string;
  unit: string;
  measured_from: string;
}

export interface KpiResultsTable {
  id: string;
  contract_id: string;
  kpi_id: string;
  period_end: string;
  /** Decimal text in the KPI's unit. */
  value: string;
  source: string;
  verified_by: string;
  verified_on: string;
  note: string;
  rating_override: string;
  override_reason: string;
  created_at: string;
  demo: number;
}

export interface ServiceCreditRegimesTable {
  contract_id: string;
  /** percent | points */
  kind: string;
  monthly_charge_pence: number;
  credit_bp: number;
  points_per_failure: number;
  pence_per_point: number;
  cap_bp: number;
  missing_counts: number;
  notes: string;
  updated_at: string;
  demo: number;
}

export interface ContractObligationsTable {
  id: string;
  contract_id: string;
  kind: string;
  title: string;
  owner: string;
  due_date: string;
  recurrence: string;
  /** open | done */
  status: string;
  notes: string;
  created_at: string;
  demo: number;
}

export interface ObligationCompletionsTable {
  id: string;
  obligation_id: string;
  due_date: string;
  completed_on: string;
  evidence: string;
  completed_by: string;
  created_at: string;
  demo: number;
}

export interface PerformanceTables {
  kpi_results: KpiResultsTable;
  service_credit_regimes: ServiceCreditRegimesTable;
  contract_obligations: ContractObligationsTable;
  obligation_completions: ObligationCompletionsTable;
}

/** In restore order: parents before children (after the contract events tables). */
export const PERFORMANCE_TABLES = [
  "kpi_results",
  "service_credit_regimes",
  "contract_obligations",
  "obligation_completions",
] as const;
