import { describe, expect, it } from "vitest";
import { appraise } from "./appraise.ts";
import { appraisalDrivers } from "./drivers.ts";
import { tornado } from "./sensitivity.ts";
import type { AppraisalInput } from "./types.ts";

const input: AppraisalInput = {
  discounting: { rate: 0 },
  options: [
    {
      id: "x",
      cashflows: [
        { year: 0, category: "capex", amount: -100 },
        { year: 1, category: "benefit", amount: 300 },
        { year: 1, category: "opex", amount: -50 },
      ],
    },
  ],
};

describe("tornado", () => {
  it("orders drivers by the swing they cause in NPV", () => {
    const rows = tornado(appraise(input), appraisalDrivers(input));
    expect(rows.map((r) => r.driver)).toEqual(["x:benefit", "x:capex", "x:opex"]);
    expect(rows[0]).toMatchObject({
      npvLow: expect.closeTo(90, 9),
      npvHigh: 210,
      swing: expect.closeTo(120, 9),
    });
    expect(rows[1]!.npvLow).toBeCloseTo(170, 9); // capex 20% lower -> NPV higher
  });

  it("takes per-driver factors", () => {
    const rows = tornado(appraise(input), appraisalDrivers(input), {
      factors: { "x:opex": { low: 0, high: 3 } },
    });
    const opex = rows.find((r) => r.driver === "x:opex")!;
    expect(opex).toMatchObject({
      npvLow: expect.closeTo(200, 9),
      npvHigh: expect.closeTo(50, 9),
      swing: expect.closeTo(150, 9),
    });
  });
});
