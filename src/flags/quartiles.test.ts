import { describe, expect, it } from "vitest";
import { computeFence, quantileSorted, round4 } from "./quartiles.ts";

describe("quartiles (Hyndman & Fan definition 8) and fences", () => {
  it("interpolates between order statistics", () => {
    const xs = [1, 2, 3, 4, 5];
    // h = (5 + 1/3)·0.25 + 1/3 = 1.6667 -> 1 + 0.6667·(2 − 1)
    expect(quantileSorted(xs, 0.25)).toBeCloseTo(1 + 2 / 3, 12);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.75)).toBeCloseTo(4 + 1 / 3, 12);
  });

  it("clamps to the minimum and maximum, and is NaN for no values", () => {
    expect(quantileSorted([7], 0.25)).toBe(7);
    expect(quantileSorted([1, 9], 0.01)).toBe(1);
    expect(quantileSorted([1, 9], 0.99)).toBe(9);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });

  it("computes Tukey fences, or uses the configured threshold instead", () => {
    const f = computeFence([0.05, 0.05, 0.07, 0.07], "lower", undefined);
    expect(f?.meta.q1).toBeCloseTo(0.05, 12);
    expect(f?.meta.q3).toBeCloseTo(0.07, 12);
    expect(f?.fence).toBeCloseTo(0.02, 12);
    expect(computeFence([1, 2, 3], "upper", 0.5)).toEqual({
      fence: 0.5,
      source: "settings",
      meta: { upper_fence: 0.5 },
    });
  });

  it("skips degenerate quartiles (Q1 = Q3 = IQR = 0)", () => {
    expect(computeFence([0, 0, 0, 0, 0, 0, 1], "upper", undefined)).toBeUndefined();
  });

  it("rounds Meta values to 4 decimals, halves away from zero", () => {
    expect(round4(66.666666)).toBe(66.6667);
    expect(round4(-0.00005)).toBe(-0.0001);
    expect(round4(100)).toBe(100);
  });
});
