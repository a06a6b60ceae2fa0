import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import {
  type Distribution,
  distributionMean,
  distributionProblem,
  quantileFunction,
} from "./distributions.ts";

function sampleMean(d: Distribution, n = 200_000): { mean: number; sd: number } {
  const q = quantileFunction(d);
  const rng = xoroshiro128plus(42);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = q(uniformFloat64(rng) + 2 ** -54);
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, sd: Math.sqrt(s2 / n - mean * mean) };
}

describe("distributions", () => {
  const cases: Array<[Distribution, number, number]> = [
    // distribution, expected mean, expected sd (worked by hand from the textbook formulas)
    [{ type: "uniform", min: 10, max: 20 }, 15, 10 / Math.sqrt(12)],
    [{ type: "triangular", min: 0, mode: 3, max: 12 }, 5, Math.sqrt((0 + 9 + 144 - 0 - 0 - 36) / 18)],
    // PERT(0, 3, 12): alpha 2, beta 4 -> mean 4, variance 12^2 x 8 / (36 x 7)
    [{ type: "pert", min: 0, mode: 3, max: 12 }, 4, 12 * Math.sqrt(8 / (36 * 7))],
    [{ type: "normal", mean: 100, sd: 15 }, 100, 15],
    [{ type: "lognormal", mean: 50, sd: 10 }, 50, 10],
    [
      { type: "lognormal", meanlog: 0, sdlog: 0.5 },
      Math.exp(0.125),
      Math.sqrt((Math.exp(0.25) - 1) * Math.exp(0.25)),
    ],
  ];
  for (const [d, mean, sd] of cases) {
    it(`${d.type} ${JSON.stringify(d)}: sample mean and sd within tolerance`, () => {
      expect(distributionMean(d)).toBeCloseTo(mean, 9);
      const got = sampleMean(d);
      expect(Math.abs(got.mean - mean)).toBeLessThan(0.01 * sd);
      expect(got.sd / sd).toBeCloseTo(1, 2);
    });
  }

  it("triangular quantiles are exact at the ends and the mode", () => {
    const q = quantileFunction({ type: "triangular", min: 0, mode: 3, max: 12 });
    expect(q(0)).toBe(0);
    expect(q(0.25)).toBeCloseTo(3, 12);
    expect(q(1)).toBe(12);
  });

  it("PERT quantiles stay inside [min, max] and hit the median", () => {
    const q = quantileFunction({ type: "pert", min: 0, mode: 5, max: 10 });
    expect(q(0)).toBe(0);
    expect(q(1 - 1e-12)).toBeLessThanOrEqual(10);
    expect(q(0.5)).toBeCloseTo(5, 3);
  });

  it("explains bad parameters", () => {
    expect(distributionProblem({ type: "triangular", min: 5, mode: 1, max: 9 })).toBe(
      "expected min <= mode <= max",
    );
    expect(distributionProblem({ type: "lognormal", mean: -1, sd: 1 })).toBe(
      "a lognormal input needs a mean above 0",
    );
    expect(() => quantileFunction({ type: "normal", mean: 0, sd: -1 })).toThrow(
      "normal: sd must not be negative",
    );
  });
});
