import { describe, expect, it } from "vitest";
import type { AppraisalInput } from "../appraisal/types.ts";
import { buildSimulationModel, type UncertainInput } from "./model.ts";
import { simulate } from "./simulate.ts";

// In-house costs 1000 a year for sure; outsourcing costs an uncertain amount (stated 800).
const appraisal: AppraisalInput = {
  discounting: { rate: 0 },
  options: [
    { id: "in-house", cashflows: [{ year: 1, category: "opex", amount: -1000 }] },
    { id: "outsource", cashflows: [{ year: 1, category: "opex", amount: -800, input: "price" }] },
  ],
};
const inputs: UncertainInput[] = [
  { id: "price", distribution: { type: "uniform", min: 600, max: 1000 }, base: 800 },
];

describe("Monte Carlo", () => {
  const model = buildSimulationModel(appraisal, inputs);

  it("same seed, same answer; another seed, another answer", () => {
    const a = simulate(model, inputs, { iterations: 5000, seed: 7, baseline: "in-house" });
    const b = simulate(model, inputs, { iterations: 5000, seed: 7, baseline: "in-house" });
    const c = simulate(model, inputs, { iterations: 5000, seed: 8, baseline: "in-house" });
    expect(b).toEqual(a);
    expect(c.options[1]!.npv.p50).not.toBe(a.options[1]!.npv.p50);
  });

  it("gives the probability of meeting a savings target that can be worked by hand", () => {
    // saving = 1000 - price, price ~ U(600, 1000): P(saving >= 300) = P(price <= 700) = 1/4
    const r = simulate(model, inputs, {
      iterations: 100_000,
      seed: 1,
      baseline: "in-house",
      savingsTarget: { amount: 300, basis: "cash" },
    });
    const out = r.options[1]!;
    expect(out.probabilityMeetsTarget).toBeCloseTo(0.25, 2);
    expect(out.cashSavings!.p50).toBeCloseTo(200, -1);
    expect(out.cashSavings!.p10).toBeCloseTo(40, -1);
    expect(out.cashSavings!.p90).toBeCloseTo(360, -1);
    expect(out.npv.mean).toBeCloseTo(-800, -1);
    expect(r.options[0]!.npv).toMatchObject({ p10: -1000, p50: -1000, p90: -1000 });
  });

  it("correlates inputs through the Gaussian copula", () => {
    const two: AppraisalInput = {
      discounting: { rate: 0 },
      options: [
        { id: "a", cashflows: [{ year: 0, category: "benefit", amount: 1, input: "x" }] },
        { id: "b", cashflows: [{ year: 0, category: "benefit", amount: 1, input: "y" }] },
        {
          id: "sum",
          cashflows: [
            { year: 0, category: "benefit", amount: 1, input: "x" },
            { year: 0, category: "benefit", amount: 1, input: "y" },
          ],
        },
      ],
    };
    const ins: UncertainInput[] = [
      { id: "x", distribution: { type: "normal", mean: 0, sd: 1 }, base: 1 },
      { id: "y", distribution: { type: "normal", mean: 0, sd: 1 }, base: 1 },
    ];
    const r = simulate(buildSimulationModel(two, ins), ins, {
      iterations: 50_000,
      seed: 3,
      correlations: [{ a: "x", b: "y", rho: 0.8 }],
    });
    // var(x + y) = 2 + 2 rho = 3.6, so P90 of the sum = 1.2816 x sqrt(3.6)
    expect(r.options[2]!.npv.p90).toBeCloseTo(1.2816 * Math.sqrt(3.6), 1);
    expect(r.options[0]!.npv.p90).toBeCloseTo(1.2816, 1);
  });

  it("names an unknown input or baseline", () => {
    expect(() =>
      buildSimulationModel(
        {
          discounting: "green-book",
          options: [{ id: "o", cashflows: [{ year: 0, category: "opex", amount: -1, input: "nope" }] }],
        },
        [],
      ),
    ).toThrow('option "o": unknown input "nope"');
    expect(() => simulate(model, inputs, { iterations: 10, seed: 1, baseline: "x" })).toThrow(
      'baseline option "x" not found',
    );
  });
});
