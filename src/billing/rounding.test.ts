import { describe, expect, it } from "vitest";
import { mulDivRound, roundDiv, roundDivBig } from "./rounding.ts";

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
  it("stays exact when days × amount is beyond 2^53", () => {
    // £9,999,999,999,999.99 (the largest amount the reader takes) for 30 of 31 days.
    expect(mulDivRound(30, 999_999_999_999_999, 31)).toBe(967_741_935_483_870);
    expect(mulDivRound(31, -999_999_999_999_999, 31)).toBe(-999_999_999_999_999);
    expect(roundDivBig(5n, 2)).toBe(3);
    expect(roundDivBig(-5n, 2)).toBe(-3);
  });
});
