/**
 * Savings realised against savings claimed. The business case claims a saving each year against
 * the cost of keeping the service in-house; what was realised is that in-house baseline, indexed
 * to the year's prices (CPI or the index the case states), less what the service actually cost:
 * the payments to the supplier plus the costs the authority kept (retained team, contract
 * management). Year by year: the variance (realised less claimed) and the cumulative gap (claimed
 * to date less realised to date). It matters because a claim is made once, at the decision, and
 * nobody is asked later whether it came true; the committee's test was value for money over the
 * lifetime of the contract.
 */
import { daysBetween } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, penceField, textField } from "./fields.ts";
import { indexPence, indexUnits } from "./indexation.ts";

/** One year of the plan: what the case claimed and what the authority records for it. */
export interface SavingsYearInput {
  /** e.g. "2016-17" or "contract year 2". */
  label: string;
  /** First and last day of the year. */
  start: string;
  end: string;
  claimedPence: number;
  /** The index value for the year, a decimal string. */
  index: string;
  /** Payments to the supplier recorded for the year; null to take them from billing data. */
  paymentsPence: number | null;
  retainedPence: number;
  demo: boolean;
}

export interface SavingsPlanInput {
  contractId: string;
  /** What the service cost in-house a year, at base-index prices. */
  baselineAnnualPence: number;
  /** The name of the index ("CPI (ONS D7BT, 2015=100)") and its value in the base year. */
  indexName: string;
  baseIndex: string;
  /** What the business case claimed in total (the headline figure). */
  claimedTotalPence: number;
  source: string;
  demo: boolean;
  years: SavingsYearInput[];
}

export type PaymentsSource = "recorded" | "billing" | "none";

export interface SavingsRow {
  label: string;
  start: string;
  end: string;
  /** past: ended before today; current: today falls in it; future: not begun. */
  when: "past" | "current" | "future";
  claimedPence: number;
  index: string;
  baselineIndexedPence: number;
  paymentsPence: number | null;
  paymentsSource: PaymentsSource;
  retainedPence: number;
  /** Indexed baseline less payments and retained costs; null until the year has payments. */
  realisedPence: number | null;
  /** Realised less claimed; negative when the year fell short. */
  variancePence: number | null;
  /** Claimed to date less realised to date, over the years with a realised figure. */
  cumulativeGapPence: number;
  demo: boolean;
}

export interface SavingsReport {
  contractId: string;
  indexName: string;
  baseIndex: string;
  baselineAnnualPence: number;
  claimedTotalPence: number;
  /** Sum of the years' claims (may differ from the headline; see `claimsMatchHeadline`). */
  claimedByYearPence: number;
  claimsMatchHeadline: boolean;
  claimedToDatePence: number;
  realisedToDatePence: number;
  gapToDatePence: number;
  source: string;
  demo: boolean;
  rows: SavingsRow[];
}

/** A plan to store: every field checked, the error naming its JSON path; years in order, not overlapping. */
export function newSavingsPlan(input: SavingsPlanInput): SavingsPlanInput {
  const years = input.years.map((y, i) => {
    const at = `$.years[${i}]`;
    const start = isoDateField(y.start, `${at}.start`);
    const end = isoDateField(y.end, `${at}.end`);
    if (end < start)
      throw new InputError(`year "${y.label}" ends before it starts`, { location: { path: `${at}.end` } });
    indexUnits(y.index, `${at}.index`);
    return {
      label: textField(y.label, `${at}.label`),
      start,
      end,
      claimedPence: penceField(y.claimedPence, `${at}.claimedPence`),
      index: y.index,
      paymentsPence: y.paymentsPence === null ? null : penceField(y.paymentsPence, `${at}.paymentsPence`),
      retainedPence: penceField(y.retainedPence, `${at}.retainedPence`),
      demo: y.demo,
    };
  });
  for (let i = 1; i < years.length; i++) {
    if (years[i]!.start <= years[i - 1]!.end)
      throw new InputError(`year "${years[i]!.label}" starts before the year before it ends`, {
        location: { path: `$.years[${i}].start` },
      });
  }
  indexUnits(input.baseIndex, "$.baseIndex");
  return {
    contractId: input.contractId,
    baselineAnnualPence: penceField(input.baselineAnnualPence, "$.baselineAnnualPence"),
    indexName: textField(input.indexName, "$.indexName"),
    baseIndex: input.baseIndex,
    claimedTotalPence: penceField(input.claimedTotalPence, "$.claimedTotalPence"),
    source: textField(input.source, "$.source", false),
    demo: input.demo,
    years,
  };
}

/**
 * The year-by-year comparison. `billedPence(start, end)` gives the payments the store's billing
 * data holds for a year (null when it holds none); recorded payments take precedence.
 */
export function savingsRealised(
  plan: SavingsPlanInput,
  today: string,
  billedPence: (start: string, end: string) => number | null = () => null,
): SavingsReport {
  let claimedToDate = 0;
  let realisedToDate = 0;
  const rows: SavingsRow[] = plan.years.map((y) => {
    const when = y.end < today ? "past" : y.start > today ? "future" : "current";
    // A year shorter than twelve months gets its share of the annual baseline, by days.
    const days = daysBetween(y.start, y.end) + 1;
    const annual =
      days >= 365
        ? plan.baselineAnnualPence
        : Number((BigInt(plan.baselineAnnualPence) * BigInt(days) * 2n + 365n) / 730n);
    const baselineIndexedPence = indexPence(annual, plan.baseIndex, y.index);
    let paymentsPence: number | null = y.paymentsPence;
    let paymentsSource: PaymentsSource = paymentsPence === null ? "none" : "recorded";
    if (paymentsPence === null && when !== "future") {
      const billed = billedPence(y.start, y.end);
      if (billed !== null) {
        paymentsPence = billed;
        paymentsSource = "billing";
      }
    }
    const realisedPence =
      paymentsPence === null || when === "future" ? null : baselineIndexedPence - paymentsPence - y.retainedPence;
    if (realisedPence !== null) {
      claimedToDate += y.claimedPence;
      realisedToDate += realisedPence;
    }
    return {
      label: y.label,
      start: y.start,
      end: y.end,
      when,
      claimedPence: y.claimedPence,
      index: y.index,
      baselineIndexedPence,
      paymentsPence: when === "future" ? null : paymentsPence,
      paymentsSource: when === "future" ? "none" : paymentsSource,
      retainedPence: y.retainedPence,
      realisedPence,
      variancePence: realisedPence === null ? null : realisedPence - y.claimedPence,
      cumulativeGapPence: claimedToDate - realisedToDate,
      demo: y.demo,
    };
  });
  const claimedByYearPence = plan.years.reduce((s, y) => s + y.claimedPence, 0);
  return {
    contractId: plan.contractId,
    indexName: plan.indexName,
    baseIndex: plan.baseIndex,
    baselineAnnualPence: plan.baselineAnnualPence,
    claimedTotalPence: plan.claimedTotalPence,
    claimedByYearPence,
    claimsMatchHeadline: claimedByYearPence === plan.claimedTotalPence,
    claimedToDatePence: claimedToDate,
    realisedToDatePence: realisedToDate,
    gapToDatePence: claimedToDate - realisedToDate,
    source: plan.source,
    demo: plan.demo,
    rows,
  };
}
