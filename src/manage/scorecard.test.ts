import { describe, expect, it } from "vitest";
import { scorecards } from "./scorecard.ts";

describe("a supplier's scorecard", () => {
  it("scores each contract month by month and the latest month across contracts", () => {
    const [s, ...rest] = scorecards([
      {
        contractId: "c1",
        contractTitle: "One",
        supplier: "Acme",
        ratings: [
          { kpiId: "a", periodEnd: "2026-01-31", rating: "good", weight: 1 },
          { kpiId: "b", periodEnd: "2026-01-31", rating: "inadequate", weight: 1 },
          { kpiId: "a", periodEnd: "2026-02-28", rating: "good", weight: 1 },
        ],
      },
      {
        contractId: "c2",
        contractTitle: "Two",
        supplier: "Acme",
        ratings: [{ kpiId: "x", periodEnd: "2026-02-28", rating: "requiresImprovement", weight: 1 }],
      },
      { contractId: "c3", contractTitle: "Not let", supplier: "", ratings: [] },
    ]);
    expect(rest).toEqual([]);
    expect(s?.months).toEqual(["2026-01", "2026-02"]);
    expect(s?.series[0]?.points.map((p) => [p.month, p.scorePercent])).toEqual([
      ["2026-01", 50],
      ["2026-02", 100],
    ]);
    expect(s?.series[1]?.points.map((p) => p.month)).toEqual(["2026-02"]);
    expect(s?.latest).toEqual({ month: "2026-02", scorePercent: 66, rating: "approachingTarget" });
  });
});
