import { describe, expect, it } from "vitest";
import { roundDiv } from "./rounding.ts";

describe("roundDiv", () => {
  it("rounds half away from zero", () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(7, 3)).toBe(2);
    expect(roundDiv(8, 3)).toBe(3);
    expect(roundDiv(0, 31)).toBe(0);
  });
  it("is exact for large numerators", () => {
    expect(roundDiv(2 ** 51 + 1, 2)).toBe(2 ** 50 + 1);
    expect(roundDiv(9_007_199_254_740_991, 1)).toBe(9_007_199_254_740_991);
  });
});
