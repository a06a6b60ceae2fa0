import { describe, expect, it } from "vitest";
import { discountRateSwitching } from "./discount-rate-switching.ts";
import type { AppraisalInput } from "./types.ts";

/** £1m now for £150k a year for 10 years: the Green Book's worked example. */
const invest: AppraisalInput = {
  discounting: "green-book",
  options: [
    { id: "do-nothing", cashflows: [{ year: 0, category: "other", amount: 0 }] },
    {
      id: "invest",
      cashflows: [
        { year: 0, category: "capex", amount: -1_000_000 },
        ...Array.from({ length: 10 }, (_, i) => ({
          year: i + 1,
          category: "benefit" as const,
          amount: 150_000,
        })),
      ],
    },
  ],
};

describe("discountRateSwitching", () => {
  it("finds the rate at which the investment stops paying: its internal rate of return, 8.14%", () => {
    // 150,000 x annuity factor(r, 10) = 1,000,000 gives r = 8.144% (check: at 8.144% the factor is 6.6667).
    const s = discountRateSwitching(invest);
    expect(s.preferredFrom[0]).toEqual({ rate: 0, option: "invest" });
    expect(s.preferredFrom).toHaveLength(2);
    expect(s.preferredFrom[1]!.option).toBe("do-nothing");
    expect(s.preferredFrom[1]!.rate).toBeCloseTo(0.08144, 4);
    const npvZero = s.npvZero.find((z) => z.option === "invest")!;
    expect(npvZero.rate).toBeCloseTo(0.08144, 4);
    expect(s.npvZero.find((z) => z.option === "do-nothing")!.rate).toBeNull();
  });

  it("reports no change when one option wins at every rate up to 30%", () => {
    const cheap: AppraisalInput = {
      discounting: { rate: 0.035 },
      options: [
        { id: "a", cashflows: [{ year: 1, category: "opex", amount: -100 }] },
        { id: "b", cashflows: [{ year: 1, category: "opex", amount: -200 }] },
      ],
    };
    const s = discountRateSwitching(cheap);
    expect(s.preferredFrom).toEqual([{ rate: 0, option: "a" }]);
    expect(s.npvZero).toEqual([
      { option: "a", rate: null },
      { option: "b", rate: null },
    ]);
  });
});
