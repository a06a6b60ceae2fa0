/**
 * What an appraisal works on: options, each a list of yearly cash flows in pounds (costs
 * negative, benefits positive), with an optional optimism-bias setting. Year 0 is "now".
 */
import type { OptimismBiasSetting } from "./optimism-bias.ts";
import type { Discounting } from "./discount.ts";

/** Cost categories: capex and opex carry optimism bias; the others are reported as given. */
export const CASHFLOW_CATEGORIES = [
  "capex",
  "opex",
  "benefit",
  "transition",
  "termination",
  "other",
] as const;
export type CashflowCategory = (typeof CASHFLOW_CATEGORIES)[number];

export interface Cashflow {
  /** Whole years from now (0 = the first year, undiscounted). */
  year: number;
  category: CashflowCategory;
  /** Pounds; costs negative, benefits and savings positive. */
  amount: number;
  /** Name of an uncertain input that scales this amount (see montecarlo/). */
  input?: string;
  label?: string;
}

export interface AppraisalOption {
  id: string;
  name?: string;
  cashflows: Cashflow[];
  optimismBias?: OptimismBiasSetting;
}

export interface AppraisalInput {
  discounting: Discounting;
  options: AppraisalOption[];
  /** Option that savings are measured against (usually the status quo / in-house). */
  baseline?: string;
}
