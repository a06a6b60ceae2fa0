/**
 * A contract's payment mechanism (migration 011_payment_mechanism): one row per contract. Shares
 * and rates in basis points, dates ISO text, booleans 0/1. What the fields mean and how they are
 * checked is src/manage/payment-mechanism.ts.
 */
export interface ContractPaymentMechanismsTable {
  contract_id: string;
  /** fixed-price | unit-rates | cost-plus | target-cost | payment-by-results | mixed */
  pricing_basis: string;
  pain_share_bp: number | null;
  gain_share_bp: number | null;
  invoicing: string;
  payment_terms_days: number;
  /** none | cpi | rpi | fixed */
  indexation: string;
  indexation_rate_bp: number | null;
  indexation_review_on: string | null;
  service_credit_cap_bp: number | null;
  note: string;
  updated_at: string;
  demo: number;
}

export interface PaymentTables {
  contract_payment_mechanisms: ContractPaymentMechanismsTable;
}

/** In restore order (after contracts). */
export const PAYMENT_TABLES = ["contract_payment_mechanisms"] as const;
