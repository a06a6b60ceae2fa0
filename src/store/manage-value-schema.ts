/**
 * Value over a contract's life (migration 008_value): the award baseline, variations (append
 * only), the savings plan by year and the exit plan with its break points. Money in integer pence,
 * index values as decimal text, dates ISO text, flags 0/1.
 */
export interface ContractAwardBaselinesTable {
  contract_id: string;
  award_value_pence: number;
  start_date: string;
  award_end_date: string;
  award_max_end_date: string;
  works: number;
  /** PA2023 | PCR2015 */
  regime: string;
  source: string;
  updated_at: string;
  demo: number;
}

export interface ContractVariationsTable {
  /** <contractId>@v<version> */
  id: string;
  contract_id: string;
  version: number;
  /** change | option | correction */
  kind: string;
  corrects_version: number | null;
  changed_on: string;
  approved_on: string;
  approved_by: string;
  reason: string;
  description: string;
  /** Signed: negative for a reduction. */
  value_delta_pence: number;
  end_after: string | null;
  created_at: string;
  published: number;
  demo: number;
}

export interface ContractSavingsPlansTable {
  contract_id: string;
  baseline_annual_pence: number;
  index_name: string;
  base_index: string;
  claimed_total_pence: number;
  source: string;
  updated_at: string;
  demo: number;
}

export interface ContractSavingsYearsTable {
  contract_id: string;
  start_date: string;
  end_date: string;
  label: string;
  claimed_pence: number;
  index_value: string;
  payments_pence: number | null;
  retained_pence: number;
  demo: number;
}

export interface ContractExitPlansTable {
  contract_id: string;
  assets: string;
  data: string;
  staff: string;
  staff_count: number;
  months_needed: number;
  exit_cost_pence: number;
  source: string;
  updated_at: string;
  demo: number;
}

export interface ContractExitBreaksTable {
  contract_id: string;
  on_date: string;
  label: string;
  notice_months: number;
  termination_fee_pence: number;
  demo: number;
}

export interface ValueTables {
  contract_award_baselines: ContractAwardBaselinesTable;
  contract_variations: ContractVariationsTable;
  contract_savings_plans: ContractSavingsPlansTable;
  contract_savings_years: ContractSavingsYearsTable;
  contract_exit_plans: ContractExitPlansTable;
  contract_exit_breaks: ContractExitBreaksTable;
}

/** In restore order: parents before children. */
export const VALUE_TABLES = [
  "contract_award_baselines",
  "contract_variations",
  "contract_savings_plans",
  "contract_savings_years",
  "contract_exit_plans",
  "contract_exit_breaks",
] as const;
