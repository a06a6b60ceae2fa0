/**
 * Variations: a contract's changes as an immutable history of dated, approved versions, each with
 * its reason, its value delta and its term delta, and a timeline of value and term against the
 * award. A correction is a new version, never an edit. Each version is tested for a contract
 * change notice (UK10) by the Procurement Act 2023:
 * - s.75(2)(a): a notice is not needed when the change moves the estimated value by 10 per cent or
 *   less (15 per cent for works); so more than 10% (15%) needs one, up or down;
 * - s.75(2)(b) and s.74(3)(a): the term test is 10 per cent "of the maximum term provided for on
 *   award", not of the term before the change; a reduction counts as a change;
 * - s.75(4)-(5): a change that could reasonably have been made together with earlier ones is
 *   treated as needing a notice if, taken together, they would have needed one. The engine cannot
 *   judge "reasonably", so it adds every earlier change not yet notified and flags the version at
 *   which the total crosses the threshold for the authority to decide: the third of three 4%
 *   changes is flagged.
 * Exercising an option provided for on award, within the maximum term, is not a modification and
 * is shown but not tested. A contract awarded under the Public Contracts Regulations 2015 is under
 * the transitional rules (the Procurement Act 2023 (Commencement No. 3 and Transitional and Saving
 * Provisions) Regulations 2024): its modifications stay under reg. 72 of the 2015 Regulations, so
 * a UK10 flag on it is illustrative only.
 */
import { daysBetween } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import { MAX_PENCE } from "../shared/money.ts";
import { isoDateField, textField } from "./fields.ts";

export const REGIMES = ["PA2023", "PCR2015"] as const;
export type Regime = (typeof REGIMES)[number];

export const VARIATION_KINDS = ["change", "option", "correction"] as const;
export type VariationKind = (typeof VARIATION_KINDS)[number];

/** The contract as awarded: what every version is measured against. */
export interface AwardBaseline {
  contractId: string;
  awardValuePence: number;
  startDate: string;
  /** End of the initial term on award. */
  awardEndDate: string;
  /** End of the maximum term provided for on award (all options taken). */
  awardMaxEndDate: string;
  works: boolean;
  regime: Regime;
  source: string;
  demo: boolean;
}

export interface VariationFacts {
  id: string;
  contractId: string;
  version: number;
  kind: VariationKind;
  /** The version a correction corrects; null otherwise. */
  correctsVersion: number | null;
  changedOn: string;
  approvedOn: string;
  approvedBy: string;
  reason: string;
  description: string;
  /** Signed: a reduction is negative. */
  valueDeltaPence: number;
  /** The end of the term after this version; null when the term is unchanged. */
  endAfter: string | null;
  published: boolean;
  demo: boolean;
}

export interface VariationEntry {
  kind?: VariationKind | undefined;
  correctsVersion?: number | null | undefined;
  changedOn: string;
  approvedOn: string;
  approvedBy: string;
  reason: string;
  description: string;
  valueDeltaPence: number;
  endAfter?: string | null | undefined;
  published?: boolean | undefined;
  demo?: boolean | undefined;
}

export interface TimelineRow extends VariationFacts {
  valueBeforePence: number;
  valueAfterPence: number;
  endBefore: string;
  endAfterDate: string;
  termDeltaDays: number;
  /** |value delta| as basis points of the award value; |term delta| of the maximum term on award. */
  valueChangeBp: number;
  termChangeBp: number;
  /** Totals over this version and the earlier ones not yet notified, in basis points. */
  aggregateValueBp: number;
  aggregateTermBp: number;
  /** The versions the aggregate adds up (this one included). */
  aggregatedVersions: number[];
  noticeRequired: boolean;
  noticeReasons: string[];
  /** The award was under the Public Contracts Regulations 2015: the notice is illustrative. */
  illustrative: boolean;
}

export interface VariationTimeline {
  baseline: AwardBaseline;
  maxTermDays: number;
  valueThresholdBp: number;
  termThresholdBp: number;
  currentValuePence: number;
  currentEndDate: string;
  /** Current value less award value, and current end less award end (days). */
  valueChangePence: number;
  termChangeDays: number;
  noticesRequired: number;
  regimeNote: string;
  rows: TimelineRow[];
}

const pctText = (bp: number) => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`;

/** |part| / whole in basis points, rounded down (so "more than 10%" is decided on the exact test, not this). */
const bpOf = (part: number, whole: number) =>
  whole <= 0 ? (part === 0 ? 0 : 1_000_000) : Number((BigInt(Math.abs(part)) * 10_000n) / BigInt(whole));

/** Whether |part| is more than pct% of whole, on integers: |part| x 100 > whole x pct. */
const moreThan = (part: number, whole: number, pct: number) =>
  BigInt(Math.abs(part)) * 100n > BigInt(whole) * BigInt(pct);

/** The note shown with every timeline, by the regime the contract was awarded under. */
export function regimeNote(regime: Regime): string {
  return regime === "PCR2015"
    ? "Awarded under the Public Contracts Regulations 2015: under the transitional provisions its modifications stay under regulation 72 of those Regulations, so the Procurement Act 2023 UK10 test is shown as illustrative."
    : "Awarded under the Procurement Act 2023: s.75 requires a contract change notice (UK10) before a modification above the thresholds.";
}

/** A new version to store; InputError naming the field when it is not valid. */
export function newVariation(
  contractId: string,
  version: number,
  input: VariationEntry,
  existing: readonly VariationFacts[],
): VariationFacts {
  const kind = input.kind ?? "change";
  if (!(VARIATION_KINDS as readonly string[]).includes(kind))
    throw new InputError(`expected a kind of ${VARIATION_KINDS.join(", ")}, got "${kind}"`, {
      location: { path: "$.kind" },
    });
  const correctsVersion = input.correctsVersion ?? null;
  if (kind === "correction" && correctsVersion === null)
    throw new InputError("a correction names the version it corrects", { location: { path: "$.correctsVersion" } });
  if (correctsVersion !== null && !existing.some((v) => v.version === correctsVersion))
    throw new InputError(`there is no version ${correctsVersion} to correct`, {
      location: { path: "$.correctsVersion" },
    });
  if (!Number.isSafeInteger(input.valueDeltaPence))
    throw new InputError(`expected a whole number of pence (negative for a reduction), got ${input.valueDeltaPence}`, {
      location: { path: "$.valueDeltaPence" },
    });
  const v: VariationFacts = {
    id: `${contractId}@v${version}`,
    contractId,
    version,
    kind,
    correctsVersion,
    changedOn: isoDateField(input.changedOn, "$.changedOn"),
    approvedOn: isoDateField(input.approvedOn, "$.approvedOn"),
    approvedBy: textField(input.approvedBy, "$.approvedBy"),
    reason: textField(input.reason, "$.reason"),
    description: textField(input.description, "$.description"),
    valueDeltaPence: input.valueDeltaPence,
    endAfter: input.endAfter ? isoDateField(input.endAfter, "$.endAfter") : null,
    published: input.published !== false,
    demo: input.demo === true,
  };
  if (v.approvedOn < v.changedOn)
    throw new InputError("the change is approved before it is dated", { location: { path: "$.approvedOn" } });
  return v;
}

/**
 * The versions in order against the award: value and term before and after each, and whether it
 * needs a UK10 notice and why. Throws when a version would take the value below zero or end the
 * term before it starts.
 */
export function variationTimeline(baseline: AwardBaseline, versions: readonly VariationFacts[]): VariationTimeline {
  const maxTermDays = daysBetween(baseline.startDate, baseline.awardMaxEndDate);
  const valuePct = baseline.works ? 15 : 10;
  let value = baseline.awardValuePence;
  let end = baseline.awardEndDate;
  let pending: { version: number; value: number; term: number }[] = [];
  let notices = 0;
  const rows: TimelineRow[] = [];
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    const valueBefore = value;
    const endBefore = end;
    const endAfter = v.endAfter ?? end;
    if (endAfter < baseline.startDate)
      throw new InputError(`version ${v.version} ends the term before it starts`, { location: { path: "$.endAfter" } });
    if (value + v.valueDeltaPence < 0)
      throw new InputError(`version ${v.version} takes the value below zero`, { location: { path: "$.valueDeltaPence" } });
    if (value + v.valueDeltaPence > MAX_PENCE)
      throw new InputError(`version ${v.version} takes the value above ${MAX_PENCE} pence, the largest sum held`, {
        location: { path: "$.valueDeltaPence" },
      });
    value += v.valueDeltaPence;
    end = endAfter;
    const termDeltaDays = daysBetween(endBefore, endAfter);
    const withinOption = v.kind === "option" && endAfter <= baseline.awardMaxEndDate;
    const reasons: string[] = [];
    let aggregated: number[] = [v.version];
    let aggValue = Math.abs(v.valueDeltaPence);
    let aggTerm = Math.abs(termDeltaDays);
    if (!withinOption) {
      pending.push({ version: v.version, value: Math.abs(v.valueDeltaPence), term: Math.abs(termDeltaDays) });
      aggregated = pending.map((p) => p.version);
      aggValue = pending.reduce((s, p) => s + p.value, 0);
      aggTerm = pending.reduce((s, p) => s + p.term, 0);
      const works = baseline.works ? " (works)" : "";
      const earlier = aggregated.length > 1 ? `, taken with version${aggregated.length > 2 ? "s" : ""} ${aggregated.slice(0, -1).join(", ")}` : "";
      if (moreThan(v.valueDeltaPence, baseline.awardValuePence, valuePct))
        reasons.push(`value changes by ${pctText(bpOf(v.valueDeltaPence, baseline.awardValuePence))} of the award value, more than ${valuePct}%${works} (s.75(2)(a))`);
      else if (aggregated.length > 1 && moreThan(aggValue, baseline.awardValuePence, valuePct))
        reasons.push(`value changes by ${pctText(bpOf(aggValue, baseline.awardValuePence))} of the award value${earlier}, more than ${valuePct}%${works} (s.75(2)(a), (4)-(5))`);
      if (moreThan(termDeltaDays, maxTermDays, 10))
        reasons.push(`term changes by ${pctText(bpOf(termDeltaDays, maxTermDays))} of the maximum term provided for on award, more than 10% (s.75(2)(b))`);
      else if (aggregated.length > 1 && moreThan(aggTerm, maxTermDays, 10))
        reasons.push(`term changes by ${pctText(bpOf(aggTerm, maxTermDays))} of the maximum term provided for on award${earlier}, more than 10% (s.75(2)(b), (4)-(5))`);
      if (reasons.length) {
        notices++;
        pending = [];
      }
    }
    rows.push({
      ...v,
      valueBeforePence: valueBefore,
      valueAfterPence: value,
      endBefore,
      endAfterDate: endAfter,
      termDeltaDays,
      valueChangeBp: bpOf(v.valueDeltaPence, baseline.awardValuePence),
      termChangeBp: bpOf(termDeltaDays, maxTermDays),
      aggregateValueBp: bpOf(aggValue, baseline.awardValuePence),
      aggregateTermBp: bpOf(aggTerm, maxTermDays),
      aggregatedVersions: withinOption ? [] : aggregated,
      noticeRequired: reasons.length > 0,
      noticeReasons: withinOption
        ? ["an option provided for on award, within the maximum term: not a modification"]
        : reasons,
      illustrative: baseline.regime === "PCR2015",
    });
  }
  return {
    baseline,
    maxTermDays,
    valueThresholdBp: valuePct * 100,
    termThresholdBp: 1000,
    currentValuePence: value,
    currentEndDate: end,
    valueChangePence: value - baseline.awardValuePence,
    termChangeDays: daysBetween(baseline.awardEndDate, end),
    noticesRequired: notices,
    regimeNote: regimeNote(baseline.regime),
    rows,
  };
}

/** An award baseline to store; InputError naming the field when it is not valid. */
export function newBaseline(b: AwardBaseline): AwardBaseline {
  const startDate = isoDateField(b.startDate, "$.startDate");
  const awardEndDate = isoDateField(b.awardEndDate, "$.awardEndDate");
  const awardMaxEndDate = isoDateField(b.awardMaxEndDate, "$.awardMaxEndDate");
  if (awardEndDate < startDate)
    throw new InputError("the term on award ends before it starts", { location: { path: "$.awardEndDate" } });
  if (awardMaxEndDate < awardEndDate)
    throw new InputError("the maximum term on award ends before the initial term", {
      location: { path: "$.awardMaxEndDate" },
    });
  if (!(REGIMES as readonly string[]).includes(b.regime))
    throw new InputError(`expected a regime of ${REGIMES.join(", ")}, got "${b.regime}"`, { location: { path: "$.regime" } });
  if (!Number.isSafeInteger(b.awardValuePence) || b.awardValuePence < 0)
    throw new InputError(`expected a whole number of pence, 0 or more, got ${b.awardValuePence}`, {
      location: { path: "$.awardValuePence" },
    });
  return { ...b, startDate, awardEndDate, awardMaxEndDate };
}
