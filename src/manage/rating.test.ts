import { describe, expect, it } from "vitest";
import { newRating, RATING_WORDS, RATINGS, ratingId } from "./rating.ts";

describe("a KPI rating", () => {
  it("uses the Act's five-point scale, best first, each with its words", () => {
    expect(RATINGS).toEqual(["good", "approachingTarget", "requiresImprovement", "inadequate", "other"]);
    expect(Object.keys(RATING_WORDS)).toEqual([...RATINGS]);
    expect(RATING_WORDS.approachingTarget).toEqual({
      label: "Approaching target",
      text: "approaching target",
    });
  });
  it("is one per KPI and period, its id saying which", () => {
    const r = newRating("c1", { kpiId: "kpi-1", periodEnd: "2025-03-31", rating: "good" });
    expect(r).toMatchObject({
      id: ratingId("kpi-1", "2025-03-31"),
      rating: "good",
      explanation: "",
      published: true,
    });
    expect(r.id).toBe("kpi-1@2025-03-31");
  });
  it("refuses a rating off the scale and an unexplained 'other', naming the field", () => {
    expect(() => newRating("c1", { kpiId: "k", periodEnd: "2025-03-31", rating: "fine" })).toThrow(
      'expected a rating of good, approachingTarget, requiresImprovement, inadequate, other, got "fine"',
    );
    expect(() => newRating("c1", { kpiId: "k", periodEnd: "2025-03-31", rating: "other" })).toThrow(
      expect.objectContaining({ location: { path: "$.explanation" } }),
    );
    expect(
      newRating("c1", { kpiId: "k", periodEnd: "2025-03-31", rating: "other", explanation: "paused" })
        .explanation,
    ).toBe("paused");
    expect(() => newRating("c1", { kpiId: "k", periodEnd: "2025-13-31", rating: "good" })).toThrow(
      expect.objectContaining({ location: { path: "$.periodEnd" } }),
    );
  });
});
