/**
 * The performance rating scale of the Procurement Act 2023 (s.71, published in a UK9 contract
 * performance notice) and a rating of one KPI for one period. The scale's order and its words
 * are said once here, for the API's checks and the dashboard's choices alike.
 */
import { type Rating, RATINGS as SCALE } from "../ocds/notices/uk9-performance.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, textField } from "./fields.ts";

export type { Rating };

/** The scale, best first. */
export const RATINGS: readonly Rating[] = SCALE;

/** Each rating as a choice is labelled, and as it reads inside a sentence. */
export const RATING_WORDS: Record<Rating, { label: string; text: string }> = {
  good: { label: "Good", text: "good" },
  approachingTarget: { label: "Approaching target", text: "approaching target" },
  requiresImprovement: { label: "Requires improvement", text: "requires improvement" },
  inadequate: { label: "Inadequate", text: "inadequate" },
  other: { label: "Other", text: "other" },
};

export function isRating(v: string): v is Rating {
  return (RATINGS as readonly string[]).includes(v);
}

export interface RatingEntry {
  kpiId: string;
  periodEnd: string;
  rating: string;
  explanation?: string | undefined;
  published?: boolean | undefined;
  demo?: boolean | undefined;
}

export interface RatingRecord {
  id: string;
  contractId: string;
  kpiId: string;
  periodEnd: string;
  rating: Rating;
  explanation: string;
  published: boolean;
  demo: boolean;
}

/** A KPI is rated once per period: the rating's id says which KPI and which period. */
export function ratingId(kpiId: string, periodEnd: string): string {
  return `${kpiId}@${periodEnd}`;
}

/**
 * The rating to store; an InputError naming the field when the rating is not on the scale, the
 * period's end is not a date, or a rating of "other" is not explained.
 */
export function newRating(contractId: string, input: RatingEntry): RatingRecord {
  const rating = input.rating;
  if (!isRating(rating))
    throw new InputError(`expected a rating of ${RATINGS.join(", ")}, got "${rating}"`, {
      location: { path: "$.rating" },
    });
  const explanation = textField(input.explanation, "$.explanation", rating === "other");
  const periodEnd = isoDateField(input.periodEnd, "$.periodEnd");
  return {
    id: ratingId(input.kpiId, periodEnd),
    contractId,
    kpiId: input.kpiId,
    periodEnd,
    rating,
    explanation,
    published: input.published !== false,
    demo: input.demo === true,
  };
}
