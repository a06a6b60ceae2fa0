import { describe, expect, it } from "vitest";
import { appraise } from "./appraise.ts";
import type { AppraisalOption } from "./types.ts";

function invest(saving: number): AppraisalOption {
  return {
    id: "invest",
    cashflows: [
      { year: 0, category: "capex", amount: -1_000_000 },
      ...Array.from({ length: 10 }, (_, i) => ({
        year: i + 1,
        category: "benefit" as const,
        amount: saving,
      })),
    ],
  };
}

describe("appraise", () => {
  it("reproduces the Green Book example: £1m now, £150k a year for 10 years -> NPV about £247k", () => {
    const r = appraise({ discounting: "green-book", options: [invest(150_000)] });
    const o = r.options[0]!;
    // 150,000 x annuity factor 8.3166 = 1,247,490
    expect(o.pvBenefits).toBeCloseTo(1_247_490, -1);
    expect(o.pvCosts).toBe(1_000_000);
    expect(Math.round(o.npv / 1000)).toBe(247);
    expect(o.bcr).toBeCloseTo(1.2475, 4);
  });

  it("and with £100k a year the NPV is about -£168k", () => {
    const o = appraise({ discounting: "green-book", options: [invest(100_000)] }).options[0]!;
    expect(Math.round(o.npv / 1000)).toBe(-168);
  });

  it("uplifts the right cost category by optimism bias", () => {
    const o = appraise({
      discounting: { rate: 0 },
      options: [
        {
          id: "outsource",
          optimismBias: { category: "outsourcing", mitigation: 0.5 },
          cashflows: [
            { year: 0, category: "transition", amount: -100 },
            { year: 1, category: "opex", amount: -1000 },
            { year: 1, category: "benefit", amount: 2000 },
          ],
        },
      ],
    }).options[0]!;
    expect(o.pvCosts).toBeCloseTo(100 + 1205, 9);
    expect(o.pvOptimismBias).toBeCloseTo(205, 9);
    expect(o.pvByCategory).toEqual({ transition: -100, opex: expect.closeTo(-1205, 9), benefit: 2000 });
    expect(o.npv).toBeCloseTo(2000 - 1305, 9);
  });

  it("measures savings against the baseline and picks the highest NPV", () => {
    const r = appraise({
      discounting: { rate: 0 },
      baseline: "in-house",
      options: [
        { id: "in-house", cashflows: [{ year: 1, category: "opex", amount: -500 }] },
        { id: "outsource", cashflows: [{ year: 1, category: "opex", amount: -400 }] },
      ],
    });
    expect(r.preferred).toBe("outsource");
    expect(r.options[1]!.pvSavings).toBe(100);
    expect(r.options[1]!.cashSavings).toBe(100);
    expect(r.options[0]!.bcr).toBe(0);
  });

  it("names a missing baseline", () => {
    expect(() => appraise({ discounting: "green-book", baseline: "x", options: [invest(1)] })).toThrow(
      'baseline option "x" not found',
    );
  });
});
