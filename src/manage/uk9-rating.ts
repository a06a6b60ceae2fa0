/**
 * The UK9 rating a period's result earns, on the scale of the Procurement Act 2023 s.71 contract
 * performance notice (the KPIs are those set under s.52). The Procurement Regulations 2024 and the
 * Cabinet Office guidance on contract performance notices describe the ratings as: good — meeting
 * or exceeding the KPI; approaching target — close to meeting it; requires improvement — below it;
 * inadequate — significantly below it. The Act sets no figures, so nous reads "close" as within
 * the KPI's tolerance and "significantly below" as short by more than twice the tolerance (any
 * shortfall at all when the tolerance is 0). An authority may rate otherwise; the override and its
 * reason are kept and shown beside the rating the figures give.
 *
 * A contract's rating for a period weighs its KPIs' ratings (good 3, approaching target 2,
 * requires improvement 1, inadequate 0) by their weights: an average of 2.5 or more is good, 1.5
 * approaching target, 0.5 requires improvement, below that inadequate.
 */
import { compareDecimal, timesWhole } from "./decimal.ts";
import type { Assessment } from "./kpi-result.ts";
import type { Rating } from "./rating.ts";

export type ScaledRating = Exclude<Rating, "other">;

export const RATING_SCORE: Record<ScaledRating, number> = {
  good: 3,
  approachingTarget: 2,
  requiresImprovement: 1,
  inadequate: 0,
};

/** The rating the figures give. */
export function ratingFromAssessment(
  a: Pick<Assessment, "outcome" | "shortfall">,
  tolerance: string,
): ScaledRating {
  if (a.outcome === "pass") return "good";
  if (a.outcome === "withinTolerance") return "approachingTarget";
  if (compareDecimal(tolerance, "0") > 0 && compareDecimal(a.shortfall, timesWhole(tolerance, 2)) <= 0)
    return "requiresImprovement";
  return "inadequate";
}

export interface RatedKpi {
  rating: Rating;
  weight: number;
}

export interface PeriodRating {
  /** null when no KPI of the period has a rating on the scale. */
  rating: ScaledRating | null;
  /** Weighted score as a whole percentage of the best possible (good everywhere = 100). */
  scorePercent: number | null;
  /** How it was reached, in one sentence. */
  working: string;
}

/** A period's overall rating from its KPIs' ratings (a rating of "other" is left out). */
export function periodRating(kpis: readonly RatedKpi[]): PeriodRating {
  const scaled = kpis.filter((k): k is { rating: ScaledRating; weight: number } => k.rating !== "other");
  if (scaled.length === 0)
    return { rating: null, scorePercent: null, working: "No KPI of the period is rated." };
  const weights = scaled.reduce((s, k) => s + k.weight, 0);
  const points = scaled.reduce((s, k) => s + k.weight * RATING_SCORE[k.rating], 0);
  // Thresholds on the average (points / weights) compared in whole numbers: 2 × points ≥ 5 × weights is ≥ 2.5.
  const rating: ScaledRating =
    2 * points >= 5 * weights
      ? "good"
      : 2 * points >= 3 * weights
        ? "approachingTarget"
        : 2 * points >= weights
          ? "requiresImprovement"
          : "inadequate";
  const scorePercent = Math.floor((100 * points) / (3 * weights));
  const hundredths = Math.floor((100 * points) / weights);
  const average = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;
  return {
    rating,
    scorePercent,
    working: `${scaled.length} KPI${scaled.length === 1 ? "" : "s"} rated: ${points} weighted points of ${3 * weights} possible (${scorePercent}%), an average of ${average} on the scale of 0 to 3.`,
  };
}
