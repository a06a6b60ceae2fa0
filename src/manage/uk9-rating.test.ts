import { describe, expect, it } from "vitest";
import { assessResult } from "./kpi-result.ts";
import { periodRating, ratingFromAssessment } from "./uk9-rating.ts";

const m = { targetValue: "95", tolerance: "2", direction: "higher" as const, unit: "%" };
const rate = (v: string, tol = m.tolerance) =>
  ratingFromAssessment(assessResult({ ...m, tolerance: tol }, v), tol);

describe("the UK9 rating a result earns", () => {
  it("is good at or beyond target, approaching target within tolerance", () => {
    expect(rate("95")).toBe("good");
    expect(rate("93")).toBe("approachingTarget");
  });
  it("requires improvement up to twice the tolerance short, inadequate beyond", () => {
    expect(rate("92.9")).toBe("requiresImprovement");
    expect(rate("91")).toBe("requiresImprovement");
    expect(rate("90.99")).toBe("inadequate");
  });
  it("is inadequate for any shortfall when there is no tolerance", () => {
    expect(rate("94.99", "0")).toBe("inadequate");
  });
});

describe("a period's rating over its KPIs", () => {
  it("weighs the KPIs' ratings", () => {
    expect(
      periodRating([
        { rating: "good", weight: 1 },
        { rating: "inadequate", weight: 1 },
      ]),
    ).toMatchObject({ rating: "approachingTarget", scorePercent: 50 });
    expect(
      periodRating([
        { rating: "good", weight: 3 },
        { rating: "inadequate", weight: 1 },
      ]),
    ).toMatchObject({ rating: "approachingTarget", scorePercent: 75 });
    // An average of exactly 2.5 is good.
    expect(
      periodRating([
        { rating: "good", weight: 5 },
        { rating: "inadequate", weight: 1 },
      ]),
    ).toMatchObject({ rating: "good", scorePercent: 83 });
    expect(periodRating([{ rating: "requiresImprovement", weight: 2 }]).rating).toBe("requiresImprovement");
  });
  it("leaves out a rating of other, and has none without a rating", () => {
    expect(periodRating([{ rating: "other", weight: 1 }]).rating).toBeNull();
    expect(periodRating([]).scorePercent).toBeNull();
  });
});
