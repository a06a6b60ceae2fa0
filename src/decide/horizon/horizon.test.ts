import { describe, expect, it } from "vitest";
import { LONDON_MAYORAL } from "./elections.ts";
import { accountabilityHorizon } from "./horizon.ts";

const council = { body: "Council", dates: ["2020-01-01"], termYears: 4, next: "same-day" as const };

describe("accountability horizon", () => {
  const r = accountabilityHorizon({
    contract: "waste",
    decisionDate: "2021-01-01",
    elections: council,
    payments: {
      payments: [
        { date: "2021-06-01", amount: 100 },
        { date: "2025-03-01", amount: 200 },
        { date: "2029-02-01", amount: 300 },
      ],
    },
    breakPoints: [{ date: "2025-06-01", terminationCost: 50, label: "year-4 break" }],
    annualBudget: 1000,
  });

  it("splits the contract by administration and counts those bound", () => {
    expect(r.decidingAdministration).toBe("2020-2024");
    expect(r.administrations.map((a) => [a.label, a.role, a.committed])).toEqual([
      ["2020-2024", "deciding", 100],
      ["2024-2028", "bound", 200],
      ["2028-2032", "bound", 300],
    ]);
    expect(r.administrationsBound).toBe(2);
    expect(r.shareAfterDecidingTerm).toBeCloseTo(5 / 6, 12);
    expect(r.administrations[1]!.shareOfContract).toBeCloseTo(1 / 3, 12);
    // 200 over a four-year term (1461 days) against a budget of 1000 a year
    expect(r.administrations[1]!.shareOfBudget).toBeCloseTo(200 / (1000 * (1461 / 365.25)), 12);
  });

  it("prices leaving at each break point", () => {
    expect(r.breakPoints).toEqual([
      {
        date: "2025-06-01",
        label: "year-4 break",
        terminationCost: 50,
        paymentsBefore: 300,
        paymentsAfter: 300,
        administrationsBoundIfLeft: 1,
        administration: "2024-2028",
      },
    ]);
  });

  it("binds three later mayoralties with a 7+3 year deal from October 2015", () => {
    const annual = Array.from({ length: 10 }, (_, i) => ({
      start: `${2015 + i}-10-01`,
      amount: 2_345_000_000,
    }));
    const met = accountabilityHorizon({
      contract: "business support",
      decisionDate: "2015-07-15",
      elections: LONDON_MAYORAL,
      payments: { annual },
    });
    expect(met.decidingAdministration).toBe("2012-2016");
    expect(met.administrations.filter((a) => a.committed > 0).map((a) => a.label)).toEqual([
      "2012-2016",
      "2016-2021",
      "2021-2024",
      "2024-2028",
    ]);
    expect(met.administrationsBound).toBe(3);
    expect(met.administrations.reduce((s, a) => s + a.committed, 0)).toBe(23_450_000_000);
  });
});
