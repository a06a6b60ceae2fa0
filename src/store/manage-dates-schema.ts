/**
 * A contract's term and a supplier's dated owners (migration 006_contract_terms): the initial
 * end, the extension options and break points with their notice periods, a notice given, and
 * each owner's share over a span. Dates ISO text; shares in basis points; booleans 0/1.
 */
export interface ContractTermsTable {
  contract_id: string;
  initial_end_date: string;
  /** Months before the end by which what follows must be decided. */
  end_notice_months: number;
  /** break | non-extension | termination, or null when no notice is given. */
  notice_kind: string | null;
  notice_given_on: string | null;
  notice_ends_on: string | null;
  source: string;
  updated_at: string;
  demo: number;
}

export interface ContractTermOptionsTable {
  contract_id: string;
  id: string;
  from_date: string;
  to_date: string;
  /** taken | declined | pending */
  state: string;
  notice_months: number;
  decided_on: string | null;
  note: string;
}

export interface ContractBreakPointsTable {
  contract_id: string;
  id: string;
  on_date: string;
  notice_months: number;
  note: string;
}

export interface SupplierOwnersTable {
  /** `<supplier>|<owner>|<from date or "">`. */
  id: string;
  /** The supplier as the register names it (contracts.supplier). */
  supplier: string;
  owner: string;
  share_bp: number;
  from_date: string | null;
  to_date: string | null;
  source: string;
  updated_at: string;
  demo: number;
}

export interface ContractTermsTables {
  contract_terms: ContractTermsTable;
  contract_term_options: ContractTermOptionsTable;
  contract_break_points: ContractBreakPointsTable;
  supplier_owners: SupplierOwnersTable;
}

/** In restore order: parents before children. */
export const CONTRACT_TERMS_TABLES = [
  "contract_terms",
  "contract_term_options",
  "contract_break_points",
  "supplier_owners",
] as const;
