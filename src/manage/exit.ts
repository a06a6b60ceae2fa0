/**
 * Exit and return in-house: a contract's exit plan (the assets and data to come back, the staff
 * who would transfer back, the months the plan needs and its one-off cost), the cost of breaking
 * at each break point, and a readiness check: can the plan be carried out before the next
 * deadline? It matters because the committee feared a Met "handcuffed to a poor contract": a
 * break clause is worth nothing if the authority cannot be ready to leave by the day it applies.
 */
import { addMonths, daysBetween } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, penceField, textField } from "./fields.ts";

export interface BreakPointInput {
  /** The day the contract would end if broken. */
  date: string;
  label: string;
  /** Months of notice the contract requires before that day. */
  noticeMonths: number;
  /** What the authority pays the supplier for breaking then (termination fee). */
  terminationFeePence: number;
  demo: boolean;
}

export interface ExitPlanInput {
  contractId: string;
  assets: string;
  data: string;
  /** Who would transfer back (TUPE), in words. */
  staff: string;
  staffCount: number;
  /** Months from starting the plan to running the service in-house (or with a new supplier). */
  monthsNeeded: number;
  /** One-off cost of carrying out the plan. */
  exitCostPence: number;
  source: string;
  demo: boolean;
  breakPoints: BreakPointInput[];
}

export interface ExitPoint {
  date: string;
  label: string;
  /** "break" for a break point, "end" for the end of the current term. */
  kind: "break" | "end";
  noticeMonths: number;
  /** The last day to give notice to break then. */
  noticeBy: string;
  /** The last day to start the plan to be ready by then. */
  startBy: string;
  terminationFeePence: number;
  exitCostPence: number;
  /** Termination fee plus the plan's one-off cost. */
  breakCostPence: number;
  passed: boolean;
  /** Today is on or before both the notice day and the start-by day. */
  achievable: boolean;
  demo: boolean;
}

export interface ExitReadiness {
  /** The next point not yet passed (null when every one has passed). */
  next: ExitPoint | null;
  ready: boolean;
  /** Days late to start the plan for the next point (0 when ready). */
  daysShort: number;
  /** The first point the plan could still be carried out by. */
  firstAchievable: ExitPoint | null;
  summary: string;
}

export interface ExitAssessment {
  plan: ExitPlanInput;
  points: ExitPoint[];
  readiness: ExitReadiness;
}

/** A plan to store: every field checked, the error naming its JSON path. */
export function newExitPlan(p: ExitPlanInput): ExitPlanInput {
  const months = (v: number, path: string) => {
    if (!Number.isInteger(v) || v < 0 || v > 240)
      throw new InputError(`expected a whole number of months from 0 to 240, got ${v}`, { location: { path } });
    return v;
  };
  if (!Number.isInteger(p.staffCount) || p.staffCount < 0)
    throw new InputError(`expected a whole number of staff, 0 or more, got ${p.staffCount}`, {
      location: { path: "$.staffCount" },
    });
  return {
    contractId: p.contractId,
    assets: textField(p.assets, "$.assets"),
    data: textField(p.data, "$.data"),
    staff: textField(p.staff, "$.staff"),
    staffCount: p.staffCount,
    monthsNeeded: months(p.monthsNeeded, "$.monthsNeeded"),
    exitCostPence: penceField(p.exitCostPence, "$.exitCostPence"),
    source: textField(p.source, "$.source", false),
    demo: p.demo,
    breakPoints: p.breakPoints.map((b, i) => ({
      date: isoDateField(b.date, `$.breakPoints[${i}].date`),
      label: textField(b.label, `$.breakPoints[${i}].label`),
      noticeMonths: months(b.noticeMonths, `$.breakPoints[${i}].noticeMonths`),
      terminationFeePence: penceField(b.terminationFeePence, `$.breakPoints[${i}].terminationFeePence`),
      demo: b.demo,
    })),
  };
}

/**
 * Each break point and the end of the term (`termEnd`, with `endNoticeMonths` of notice not to
 * extend), the cost of leaving then, and whether the plan can be carried out by the next one.
 */
export function exitAssessment(
  plan: ExitPlanInput,
  termEnd: string,
  today: string,
  endNoticeMonths = 0,
): ExitAssessment {
  const point = (
    date: string,
    label: string,
    kind: ExitPoint["kind"],
    noticeMonths: number,
    fee: number,
    demo: boolean,
  ): ExitPoint => {
    const noticeBy = addMonths(date, -noticeMonths);
    const startBy = addMonths(date, -plan.monthsNeeded);
    return {
      date,
      label,
      kind,
      noticeMonths,
      noticeBy,
      startBy,
      terminationFeePence: fee,
      exitCostPence: plan.exitCostPence,
      breakCostPence: fee + plan.exitCostPence,
      passed: date < today,
      achievable: today <= noticeBy && today <= startBy,
      demo,
    };
  };
  const points = [
    ...plan.breakPoints
      .filter((b) => b.date < termEnd)
      .map((b) => point(b.date, b.label, "break", b.noticeMonths, b.terminationFeePence, b.demo)),
    point(termEnd, "end of the current term", "end", endNoticeMonths, 0, false),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const next = points.find((p) => !p.passed) ?? null;
  const firstAchievable = points.find((p) => p.achievable) ?? null;
  const ready = next?.achievable ?? false;
  // Late by the earlier of the two days missed: the start of the plan or the notice.
  const missed = next ? [next.startBy, next.noticeBy].sort()[0] : undefined;
  const daysShort = next && missed && !ready ? Math.max(0, daysBetween(missed, today)) : 0;
  const summary = !next
    ? "Every break point and the end of the term have passed."
    : ready
      ? `Ready: the plan needs ${plan.monthsNeeded} months; started by ${next.startBy} it is carried out by ${next.label} on ${next.date} (notice by ${next.noticeBy}).`
      : `Not ready: the plan needs ${plan.monthsNeeded} months, so for ${next.label} on ${next.date} it had to start by ${next.startBy} (notice by ${next.noticeBy}); ${daysShort} days late.` +
        (firstAchievable ? ` The first point it can still meet is ${firstAchievable.label} on ${firstAchievable.date}.` : " No later point can be met either.");
  return { plan, points, readiness: { next, ready, daysShort, firstAchievable, summary } };
}
