/**
 * Contract events kept for Procurement Act 2023 notices (migration 004_contract_events): KPIs,
 * performance ratings per period, changes and termination. Money in integer pence, dates ISO text.
 */
export interface ContractKpisTable {
  id: string;
  contract_id: string;
  title: string;
  description: string;
  /** The target as the contract states it, e.g. "99.5% of invoices paid within 30 days". */
  target: string;
  created_at: string;
  published: number;
  demo: number;
}

export interface ContractRatingsTable {
  id: string;
  contract_id: string;
  kpi_id: string;
  /** End of the period assessed (YYYY-MM-DD). */
  period_end: string;
  /** good | approachingTarget | requiresImprovement | inadequate | other */
  rating: string;
  explanation: string;
  created_at: string;
  published: number;
  demo: number;
}

export interface ContractChangesTable {
  id: string;
  contract_id: string;
  changed_on: string;
  /** 1 for a works contract (15% value threshold instead of 10%). */
  works: number;
  value_before_pence: number;
  value_after_pence: number;
  start_date: string;
  end_before: string;
  end_after: string;
  description: string;
  rationale: string;
  created_at: string;
  published: number;
  demo: number;
}

export interface ContractTerminationsTable {
  contract_id: string;
  terminated_on: string;
  /** expiry | breach | convenience | mutualAgreement | other */
  reason: string;
  explanation: string;
  total_paid_pence: number;
  created_at: string;
  published: number;
  demo: number;
}

export interface ContractEventsTables {
  contract_kpis: ContractKpisTable;
  contract_ratings: ContractRatingsTable;
  contract_changes: ContractChangesTable;
  contract_terminations: ContractTerminationsTable;
}

/** In restore order: parents before children. */
export const CONTRACT_EVENTS_TABLES = [
  "contract_kpis",
  "contract_ratings",
  "contract_changes",
  "contract_terminations",
] as const;
