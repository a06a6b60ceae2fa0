import { describe, expect, it } from "vitest";
import { parseCase } from "./parse-case.ts";
import { runCase } from "./run-case.ts";

const greenBook = (saving: number) =>
  parseCase({
    name: "IT system",
    discounting: "green-book",
    baseline: "do-nothing",
    options: [
      { id: "do-nothing", cashflows: [] },
      {
        id: "invest",
        cashflows: [
          { year: 0, category: "capex", amount: -1000000 },
          ...Array.from({ length: 10 }, (_, i) => ({
            year: i + 1,
            category: "benefit",
            amount: saving,
            input: "saving",
          })),
        ],
      },
    ],
    inputs: [{ id: "saving", distribution: { type: "uniform", min: saving - 50000, max: saving + 50000 } }],
    savingsTarget: { amount: 0, basis: "pv" },
  });

describe("runCase", () => {
  it("reports money as decimal strings to the penny", () => {
    const r = runCase(greenBook(150000), { iterations: 2000 });
    const invest = r.options.find((o) => o.id === "invest")!;
    expect(invest).toMatchObject({ pvCosts: "1000000.00", npv: "247490.80", bcr: 1.2475 });
    expect(r.preferred).toBe("invest");
    expect(runCase(greenBook(100000), { iterations: 10 }).options[1]!.npv).toBe("-168339.47");
  });

  it("simulates when there are inputs, repeatably", () => {
    const a = runCase(greenBook(150000), { iterations: 4000, seed: 9 });
    const b = runCase(greenBook(150000), { iterations: 4000, seed: 9 });
    expect(a.monteCarlo).toEqual(b.monteCarlo);
    const mc = a.monteCarlo!.options[1]!;
    // saving ~ U(100k, 200k): NPV = 8.3166 x saving - 1m crosses zero at saving = 120,241, so P = 0.7976
    expect(mc.probabilityMeetsTarget).toBeCloseTo(0.7976, 1);
    expect(Number(mc.npv.p50)).toBeCloseTo(247490, -4);
  });

  it("finds the switching value of the saving", () => {
    const r = runCase(greenBook(150000), { iterations: 10 });
    const s = r.switchingValues.find((x) => x.driver === "input:saving")!;
    // NPV reaches zero when the saving falls to 1,000,000 / 8.3166 = 120,241, i.e. factor 0.8016
    expect(s.preferredChangesDown).toEqual({
      factor: expect.closeTo(0.8016, 4),
      to: "do-nothing",
      inputValue: expect.closeTo(120241, -1),
    });
  });
});
