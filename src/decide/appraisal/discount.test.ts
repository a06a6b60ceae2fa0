import { describe, expect, it } from "vitest";
import { discountFactor, discountFactors, greenBookRate } from "./discount.ts";

describe("Green Book discounting", () => {
  it("gives the published factors at years 30, 31 and 75", () => {
    expect(discountFactor("green-book", 30)).toBeCloseTo(0.3563, 4);
    expect(discountFactor("green-book", 31)).toBeCloseTo(0.3459, 4);
    expect(discountFactor("green-book", 75)).toBeCloseTo(0.0942, 4);
  });

  it("starts at 1 and chains year by year", () => {
    const dfs = discountFactors("green-book", 130);
    expect(dfs[0]).toBe(1);
    expect(dfs[1]).toBeCloseTo(1 / 1.035, 12);
    expect(dfs[76]! / dfs[75]!).toBeCloseTo(1 / 1.025, 12);
    expect(dfs[126]! / dfs[125]!).toBeCloseTo(1 / 1.02, 12);
  });

  it("uses the long-term rates in each band", () => {
    expect([30, 31, 75, 76, 125, 126, 200, 201, 300, 301].map(greenBookRate)).toEqual([
      0.035, 0.03, 0.03, 0.025, 0.025, 0.02, 0.02, 0.015, 0.015, 0.01,
    ]);
  });

  it("discounts at a fixed rate", () => {
    expect(discountFactor({ rate: 0.05 }, 10)).toBeCloseTo(1 / 1.05 ** 10, 12);
  });
});
