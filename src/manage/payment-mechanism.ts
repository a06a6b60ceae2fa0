/**
 * A contract's payment mechanism as a UK public-sector contract manager keeps it: how the price
 * is set (fixed, unit rates, cost-plus, target cost with a pain/gain share, payment by results,
 * or a mix), how often the supplier invoices, the days to pay, how the price is indexed and when
 * it is next reviewed, the cap on service credits (deductions for poor performance, as a share of
 * the monthly charge), and a note. Shares and rates are basis points (7500 = 75%), never floats.
 *
 * Payment terms: section 68(2) of the Procurement Act 2023 implies into every public contract
 * (concession contracts, private utilities' and schools' contracts aside) that a sum due is paid
 * within 30 days of the authority receiving a valid, undisputed invoice (or, if later, the day it
 * falls due under the invoice), and s.68(6) makes a term that overrides it of no effect. Sources:
 * Ward Hadaway, "Payment requirements under the PA23" (August 2025) and Beale & Co, "Procurement
 * Act 2023: prompt payment terms" (October 2025), both citing s.68(2) and s.68(6).
 *
 * `paymentMechanismProblems` lists every problem (the form shows them as you type);
 * `checkPaymentMechanism` refuses the first with an InputError naming its JSON path (the server).
 */
import { isIsoDate } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";

export const PRICING_BASES = [
  "fixed-price",
  "unit-rates",
  "cost-plus",
  "target-cost",
  "payment-by-results",
  "mixed",
] as const;
export type PricingBasis = (typeof PRICING_BASES)[number];

export const PRICING_WORDS: Record<PricingBasis, string> = {
  "fixed-price": "Fixed price",
  "unit-rates": "Unit rates (volume-based)",
  "cost-plus": "Cost-plus",
  "target-cost": "Target cost with a pain/gain share",
  "payment-by-results": "Payment by results",
  mixed: "Mixed",
};

export const INVOICING_FREQUENCIES = [
  "monthly",
  "quarterly",
  "six-monthly",
  "annually",
  "on-milestone",
] as const;
export type InvoicingFrequency = (typeof INVOICING_FREQUENCIES)[number];

export const INDEXATION_KINDS = ["none", "cpi", "rpi", "fixed"] as const;
export type IndexationKind = (typeof INDEXATION_KINDS)[number];

export const INDEXATION_WORDS: Record<IndexationKind, string> = {
  none: "None",
  cpi: "CPI",
  rpi: "RPI",
  fixed: "A fixed percentage",
};

/** The longest payment term a public contract may set, in days (Procurement Act 2023 s.68(2)). */
export const MAX_PAYMENT_DAYS = 30;
/** The highest fixed uplift accepted (20% a year): beyond it a figure is a typo. */
export const MAX_FIXED_UPLIFT_BP = 2000;

export interface PaymentMechanism {
  pricingBasis: PricingBasis;
  /** Target cost only: the supplier's share of an overrun (pain) and of an underrun (gain). */
  painShareBp: number | null;
  gainShareBp: number | null;
  invoicing: InvoicingFrequency;
  paymentTermsDays: number;
  indexation: IndexationKind;
  /** Fixed indexation only: the yearly uplift. */
  indexationRateBp: number | null;
  /** When the indexation is next applied (none: null). */
  indexationReviewOn: string | null;
  /** The most service credits can take off a month's charge; null when the contract sets none. */
  serviceCreditCapBp: number | null;
  note: string;
}

export interface Problem {
  /** The JSON path of the field at fault. */
  path: string;
  message: string;
}

const oneOf = (v: unknown, allowed: readonly string[]) => typeof v === "string" && allowed.includes(v);
const share = (v: number | null) => v !== null && Number.isInteger(v) && v >= 0 && v <= 10_000;

/**
 * Every problem with a payment mechanism as entered, in plain words, each naming its field.
 * `startDate` (the contract's, when known) must not come after the indexation review.
 */
export function paymentMechanismProblems(m: PaymentMechanism, startDate: string | null = null): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string) => out.push({ path: `$.${path}`, message });
  if (!oneOf(m.pricingBasis, PRICING_BASES))
    add("pricingBasis", `The pricing basis is one of: ${PRICING_BASES.join(", ")}.`);
  if (m.pricingBasis === "target-cost") {
    if (!share(m.painShareBp))
      add(
        "painShareBp",
        "A target-cost contract says what share of an overrun the supplier bears, from 0% to 100%.",
      );
    if (!share(m.gainShareBp))
      add(
        "gainShareBp",
        "A target-cost contract says what share of an underrun the supplier keeps, from 0% to 100%.",
      );
  } else {
    if (m.painShareBp !== null)
      add("painShareBp", "A pain share belongs to a target-cost contract only: leave it empty.");
    if (m.gainShareBp !== null)
      add("gainShareBp", "A gain share belongs to a target-cost contract only: leave it empty.");
  }
  if (!oneOf(m.invoicing, INVOICING_FREQUENCIES))
    add("invoicing", `The invoicing frequency is one of: ${INVOICING_FREQUENCIES.join(", ")}.`);
  if (!Number.isInteger(m.paymentTermsDays) || m.paymentTermsDays < 1)
    add("paymentTermsDays", "The payment terms are a whole number of days, at least 1.");
  else if (m.paymentTermsDays > MAX_PAYMENT_DAYS)
    add(
      "paymentTermsDays",
      `Payment terms of ${m.paymentTermsDays} days are longer than the law allows: the Procurement Act 2023 (s.68) makes a public body pay a valid invoice within ${MAX_PAYMENT_DAYS} days, and a longer term has no effect.`,
    );
  if (!oneOf(m.indexation, INDEXATION_KINDS))
    add("indexation", `The indexation is one of: ${INDEXATION_KINDS.join(", ")}.`);
  if (m.indexation === "fixed") {
    const r = m.indexationRateBp;
    if (r === null || !Number.isInteger(r) || r < 1 || r > MAX_FIXED_UPLIFT_BP)
      add("indexationRateBp", "A fixed uplift is a percentage a year, above 0% and at most 20%.");
  } else if (m.indexationRateBp !== null)
    add("indexationRateBp", "A rate belongs to fixed-percentage indexation only: leave it empty.");
  if (m.indexation === "none") {
    if (m.indexationReviewOn !== null)
      add("indexationReviewOn", "With no indexation there is no review date: leave it empty.");
  } else if (m.indexationReviewOn === null || !isIsoDate(m.indexationReviewOn))
    add("indexationReviewOn", "Give the date the indexation is next applied, such as 2027-04-01.");
  else if (startDate && m.indexationReviewOn < startDate)
    add(
      "indexationReviewOn",
      `The indexation review (${m.indexationReviewOn}) is before the contract starts (${startDate}).`,
    );
  if (m.serviceCreditCapBp !== null && !share(m.serviceCreditCapBp))
    add("serviceCreditCapBp", "The service credit cap is a share of the monthly charge, from 0% to 100%.");
  if (typeof m.note !== "string" || m.note.length > 2000)
    add("note", "The note is text of at most 2,000 characters.");
  return out;
}

/** The payment mechanism to store, checked: the first problem is refused, naming its field. */
export function checkPaymentMechanism(
  m: PaymentMechanism,
  startDate: string | null = null,
): PaymentMechanism {
  const first = paymentMechanismProblems(m, startDate)[0];
  if (first) throw new InputError(first.message, { location: { path: first.path } });
  return { ...m, note: m.note.trim() };
}
