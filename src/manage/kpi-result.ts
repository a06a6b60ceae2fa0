/**
 * A KPI's result for one period judged against its target: passed (at or beyond the target),
 * within tolerance (short of it by no more than the tolerance) or failed; and which periods have
 * ended with no result at all (overdue). A result the supplier reported and the authority never
 * verified is flagged, since a contract whose only evidence is the supplier's own word is one the
 * authority is not managing.
 */
import { addMonths, dayNumber, isoDate } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import { compareDecimal, isDecimal, normalDecimal, subtractDecimal } from "./decimal.ts";
import { isoDateField, textField } from "./fields.ts";
import { KPI_SOURCES, type KpiMeasure, type KpiPeriod, type KpiSource } from "./kpi.ts";
import { isRating, RATINGS, type Rating } from "./rating.ts";

export type ResultOutcome = "pass" | "withinTolerance" | "fail";

export const OUTCOME_WORDS: Record<ResultOutcome, string> = {
  pass: "passed",
  withinTolerance: "within tolerance",
  fail: "failed",
};

export interface KpiResultRecord {
  id: string;
  contractId: string;
  kpiId: string;
  periodEnd: string;
  /** The result as a decimal, in the KPI's unit. */
  value: string;
  source: KpiSource;
  /** Who at the authority checked a supplier-reported result ("" when nobody has). */
  verifiedBy: string;
  verifiedOn: string;
  note: string;
  /** A rating the authority set instead of the one the result gives ("" for none), and why. */
  ratingOverride: Rating | "";
  overrideReason: string;
  demo: boolean;
}

export interface KpiResultEntry {
  kpiId: string;
  periodEnd: string;
  value: string;
  source?: string | undefined;
  note?: string | undefined;
  ratingOverride?: string | undefined;
  overrideReason?: string | undefined;
  demo?: boolean | undefined;
}

/** One result per KPI and period: the id says which. */
export function resultId(kpiId: string, periodEnd: string): string {
  return `${kpiId}@${periodEnd}`;
}

/** The last day of the month the date is in. */
export function monthEnd(date: string): string {
  return isoDate(dayNumber(`${addMonths(`${date.slice(0, 7)}-01`, 1)}`) - 1);
}

const MONTHS: Record<KpiPeriod, number> = { monthly: 1, quarterly: 3, annual: 12 };

/**
 * Whether the date ends a period: any month's last day for monthly; 31 March, 30 June,
 * 30 September or 31 December for quarterly; 31 March (the UK financial year) for annual.
 */
export function isPeriodEnd(period: KpiPeriod, date: string): boolean {
  if (monthEnd(date) !== date) return false;
  const m = Number(date.slice(5, 7));
  if (period === "quarterly") return m % 3 === 0;
  if (period === "annual") return m === 3;
  return true;
}

/** The first day of the period ending on `periodEnd`. */
export function periodStart(period: KpiPeriod, periodEnd: string): string {
  return addMonths(`${periodEnd.slice(0, 7)}-01`, 1 - MONTHS[period]);
}

/** The period ends from the one containing `from` to the last ending on or before `until`. */
export function periodEnds(period: KpiPeriod, from: string, until: string): string[] {
  const out: string[] = [];
  let end = monthEnd(from);
  while (!isPeriodEnd(period, end)) end = monthEnd(addMonths(`${end.slice(0, 7)}-01`, 1));
  while (end <= until) {
    out.push(end);
    end = monthEnd(addMonths(`${end.slice(0, 7)}-01`, MONTHS[period]));
  }
  return out;
}

/**
 * The periods that have ended (before `today`) within the contract's term with no result: from
 * the KPI's first measured day (or the contract's start) to the contract's end.
 */
export function overduePeriods(
  measure: Pick<KpiMeasure, "period" | "measuredFrom">,
  contract: { startDate: string | null; endDate: string | null },
  resultEnds: ReadonlySet<string>,
  today: string,
): string[] {
  const from = measure.measuredFrom || contract.startDate;
  if (!from) return [];
  const yesterday = isoDate(dayNumber(today) - 1);
  // A period the contract ends inside is still owed its result; one starting after the end is not.
  return periodEnds(measure.period, from, yesterday).filter(
    (e) => !resultEnds.has(e) && (!contract.endDate || periodStart(measure.period, e) <= contract.endDate),
  );
}

export interface Assessment {
  outcome: ResultOutcome;
  /** How far the result falls short of the target (0 when it meets it). */
  shortfall: string;
  /** A plain sentence with the figures: "98.9% against a target of 99.5% (tolerance 0.3%): failed". */
  sentence: string;
}

/** Judges a result against the KPI's target and tolerance. */
export function assessResult(
  measure: Pick<KpiMeasure, "targetValue" | "tolerance" | "direction" | "unit">,
  value: string,
): Assessment {
  const short =
    measure.direction === "higher"
      ? subtractDecimal(measure.targetValue, value)
      : subtractDecimal(value, measure.targetValue);
  const shortfall = compareDecimal(short, "0") > 0 ? short : "0";
  const outcome: ResultOutcome =
    shortfall === "0"
      ? "pass"
      : compareDecimal(shortfall, measure.tolerance) <= 0
        ? "withinTolerance"
        : "fail";
  const u = measure.unit;
  const better = measure.direction === "higher" ? "at least" : "at most";
  const sentence = `${normalDecimal(value)}${u} against a target of ${better} ${measure.targetValue}${u} (tolerance ${measure.tolerance}${u}): ${OUTCOME_WORDS[outcome]}${shortfall === "0" ? "" : `, ${shortfall}${u} short`}`;
  return { outcome, shortfall, sentence };
}

/** Whether the result rests on the supplier's word alone. */
export function unverifiedSelfReport(r: Pick<KpiResultRecord, "source" | "verifiedBy">): boolean {
  return r.source === "supplier" && r.verifiedBy === "";
}

/**
 * The result to store; an InputError naming the field when the value is not a number, the date
 * does not end one of the KPI's periods, or an override has no reason.
 */
export function newKpiResult(
  contractId: string,
  kpi: Pick<KpiMeasure, "period" | "source">,
  input: KpiResultEntry,
): KpiResultRecord {
  const periodEnd = isoDateField(input.periodEnd, "$.periodEnd");
  if (!isPeriodEnd(kpi.period, periodEnd))
    throw new InputError(
      `expected the last day of a ${kpi.period} period (${kpi.period === "annual" ? "31 March" : kpi.period === "quarterly" ? "31 March, 30 June, 30 September or 31 December" : "a month's last day"}), got ${periodEnd}`,
      { location: { path: "$.periodEnd" } },
    );
  const value = String(input.value ?? "").trim();
  if (!isDecimal(value))
    throw new InputError(`expected the result as a number such as 98.5, got "${input.value}"`, {
      location: { path: "$.value" },
    });
  const source = (input.source ?? kpi.source) as KpiSource;
  if (!KPI_SOURCES.includes(source))
    throw new InputError(`expected a source of ${KPI_SOURCES.join(", ")}, got "${input.source}"`, {
      location: { path: "$.source" },
    });
  const override = (input.ratingOverride ?? "").trim();
  if (override && !isRating(override))
    throw new InputError(`expected a rating of ${RATINGS.join(", ")}, got "${override}"`, {
      location: { path: "$.ratingOverride" },
    });
  const overrideReason = textField(input.overrideReason, "$.overrideReason", override !== "");
  return {
    id: resultId(input.kpiId, periodEnd),
    contractId,
    kpiId: input.kpiId,
    periodEnd,
    value: normalDecimal(value),
    source,
    verifiedBy: "",
    verifiedOn: "",
    note: textField(input.note, "$.note", false),
    ratingOverride: override as Rating | "",
    overrideReason: override ? overrideReason : "",
    demo: input.demo === true,
  };
}
