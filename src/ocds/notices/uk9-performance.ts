/**
 * UK9 contract performance notice (Procurement Act 2023, s.52): at least once a year the
 * authority rates the supplier against each KPI set in the contract details notice, as good,
 * approaching target, requires improvement, inadequate or other. As OCDS: an `implementation`
 * release updating each KPI milestone of the contract with its rating (and a milestone status
 * that tools reading plain OCDS understand: good = met, approaching target = partially met,
 * requires improvement or inadequate = not met).
 */
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";
import { type NoticeContext, noticeDocument, releaseBase } from "./common.ts";

export type Rating = "good" | "approachingTarget" | "requiresImprovement" | "inadequate" | "other";
export const RATINGS: readonly Rating[] = [
  "good",
  "approachingTarget",
  "requiresImprovement",
  "inadequate",
  "other",
];

const STATUS: Record<Rating, string | null> = {
  good: "met",
  approachingTarget: "partiallyMet",
  requiresImprovement: "notMet",
  inadequate: "notMet",
  other: null,
};

export interface KpiAssessment {
  kpiId: string;
  rating: Rating;
  /** Required when the rating is "other". */
  explanation?: string;
}

export interface PerformanceInput {
  ctx: NoticeContext;
  contractId: string;
  /** The award the contract came from (OCDS requires it on every contract). */
  awardId: string;
  /** End of the period assessed (YYYY-MM-DD). */
  periodEnd: string;
  assessments: KpiAssessment[];
}

export function uk9Performance(input: PerformanceInput): JsonObject {
  if (input.assessments.length === 0) {
    throw new InputError("a contract performance notice needs at least one KPI rating", {
      location: { path: "assessments" },
    });
  }
  const milestones = input.assessments.map((a, i) => {
    if (!RATINGS.includes(a.rating)) {
      throw new InputError(`expected a rating of ${RATINGS.join(", ")}, got "${String(a.rating)}"`, {
        location: { path: `assessments[${i}].rating` },
      });
    }
    if (a.rating === "other" && !a.explanation) {
      throw new InputError('a rating of "other" needs an explanation', {
        location: { path: `assessments[${i}].explanation` },
      });
    }
    const m: JsonObject = { id: a.kpiId };
    const status = STATUS[a.rating];
    if (status) m.status = status;
    m.dateModified = `${input.periodEnd}T23:59:59Z`;
    m.performanceRating = a.rating;
    if (a.explanation) m.description = a.explanation;
    return m;
  });
  const r = releaseBase("UK9", ["implementation"], input.ctx);
  r.contracts = [
    {
      id: input.contractId,
      awardID: input.awardId,
      milestones,
      documents: [noticeDocument("UK9", input.ctx, `Performance to ${input.periodEnd}`)],
    },
  ];
  return r;
}
