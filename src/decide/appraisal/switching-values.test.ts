import { describe, expect, it } from "vitest";
import { appraise } from "./appraise.ts";
import { appraisalDrivers } from "./drivers.ts";
import { switchingValues } from "./switching-values.ts";
import type { AppraisalInput } from "./types.ts";

// Undiscounted so every number can be checked by hand.
const input: AppraisalInput = {
  discounting: { rate: 0 },
  options: [
    { id: "in-house", cashflows: [{ year: 1, category: "opex", amount: -1000 }] },
    {
      id: "outsource",
      cashflows: [
        { year: 0, category: "transition", amount: -200 },
        { year: 1, category: "opex", amount: -700 },
      ],
    },
  ],
};

describe("switching values", () => {
  const a = appraise(input);
  const sv = switchingValues(a, appraisalDrivers(input));

  it("finds where the preferred option changes", () => {
    expect(a.preferred).toBe("outsource"); // -900 vs -1000
    const opex = sv.find((s) => s.driver === "outsource:opex")!;
    // -200 - 700 f = -1000  =>  f = 800/700
    expect(opex.preferredChangesUp!.factor).toBeCloseTo(800 / 700, 12);
    expect(opex.preferredChangesUp!.to).toBe("in-house");
    expect(opex.preferredChangesDown).toBeNull();
    const inhouse = sv.find((s) => s.driver === "in-house:opex")!;
    // -1000 f = -900  =>  f = 0.9: in-house costs 10% less and it wins
    expect(inhouse.preferredChangesDown).toEqual({ factor: expect.closeTo(0.9, 12), to: "in-house" });
  });

  it("reports where an option's NPV would reach zero", () => {
    const tr = sv.find((s) => s.driver === "outsource:transition")!;
    // -200 f - 700 = 0 has no non-negative solution
    expect(tr.npvZero.find((z) => z.option === "outsource")!.factor).toBeNull();
  });

  it("handles an input shared by several options", () => {
    const shared: AppraisalInput = {
      discounting: { rate: 0 },
      options: [
        { id: "a", cashflows: [{ year: 1, category: "benefit", amount: 100, input: "demand" }] },
        {
          id: "b",
          cashflows: [
            { year: 1, category: "benefit", amount: 50, input: "demand" },
            { year: 1, category: "benefit", amount: 30 },
          ],
        },
      ],
    };
    const s = switchingValues(appraise(shared), appraisalDrivers(shared)).find(
      (x) => x.driver === "input:demand",
    )!;
    // 100 f = 50 f + 30  =>  f = 0.6
    expect(s.preferredChangesDown!.factor).toBeCloseTo(0.6, 12);
    expect(s.preferredChangesDown!.to).toBe("b");
  });
});
