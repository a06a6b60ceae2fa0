import { describe, expect, it } from "vitest";
import { newSavingsPlan, type SavingsPlanInput, savingsRealised } from "./savings.ts";

const M = 100_000_000; // £1m in pence

// Hand-checked: in-house baseline £10m a year at index 100.
// Year 1, index 100:   baseline £10.00m; paid £7.0m + retained £1.0m -> realised £2.00m; claimed £2m -> variance 0.
// Year 2, index 102.5: baseline £10.25m; paid £7.5m + retained £1.0m -> realised £1.75m; claimed £2m -> -£0.25m.
// Year 3, index 105:   baseline £10.50m; billed £8.0m (billing data) + retained £1.2m -> realised £1.30m; claimed £2m -> -£0.70m.
// Year 4: not begun.   Cumulative gap after year 3: claimed £6m - realised £5.05m = £0.95m.
const plan: SavingsPlanInput = {
  contractId: "c1",
  baselineAnnualPence: 10 * M,
  indexName: "stated index",
  baseIndex: "100",
  claimedTotalPence: 8 * M,
  source: "test",
  demo: false,
  years: [
    { label: "Y1", start: "2020-04-01", end: "2021-03-31", claimedPence: 2 * M, index: "100", paymentsPence: 7 * M, retainedPence: 1 * M, demo: false },
    { label: "Y2", start: "2021-04-01", end: "2022-03-31", claimedPence: 2 * M, index: "102.5", paymentsPence: 750_000_000, retainedPence: 1 * M, demo: false },
    { label: "Y3", start: "2022-04-01", end: "2023-03-31", claimedPence: 2 * M, index: "105", paymentsPence: null, retainedPence: 120_000_000, demo: false },
    { label: "Y4", start: "2023-04-01", end: "2024-03-31", claimedPence: 2 * M, index: "107", paymentsPence: null, retainedPence: 1 * M, demo: false },
  ],
};
const billed = (start: string) => (start === "2022-04-01" ? 8 * M : null);

describe("savings realised against claimed", () => {
  it("realises the indexed baseline less payments and retained costs, year by year", () => {
    const r = savingsRealised(newSavingsPlan(plan), "2023-03-31", billed);
    expect(r.rows.map((x) => x.baselineIndexedPence)).toEqual([10 * M, 1_025_000_000, 1_050_000_000, 1_070_000_000]);
    expect(r.rows.map((x) => x.realisedPence)).toEqual([2 * M, 175_000_000, 130_000_000, null]);
    expect(r.rows.map((x) => x.variancePence)).toEqual([0, -25_000_000, -70_000_000, null]);
    expect(r.rows.map((x) => x.cumulativeGapPence)).toEqual([0, 25_000_000, 95_000_000, 95_000_000]);
    expect(r.rows.map((x) => x.paymentsSource)).toEqual(["recorded", "recorded", "billing", "none"]);
    expect(r.rows.map((x) => x.when)).toEqual(["past", "past", "current", "future"]);
    expect(r).toMatchObject({
      claimedToDatePence: 6 * M,
      realisedToDatePence: 505_000_000,
      gapToDatePence: 95_000_000,
      claimedByYearPence: 8 * M,
      claimsMatchHeadline: true,
    });
  });
  it("leaves a past year without payments unrealised rather than counting it as nothing saved", () => {
    const r = savingsRealised(newSavingsPlan(plan), "2024-06-01");
    expect(r.rows[2]).toMatchObject({ paymentsSource: "none", realisedPence: null, variancePence: null });
    expect(r.rows[3]!.realisedPence).toBeNull();
    expect(r.claimedToDatePence).toBe(4 * M);
  });
  it("gives a part year its share of the baseline by days", () => {
    const part = newSavingsPlan({
      ...plan,
      years: [{ ...plan.years[0]!, start: "2020-10-01", end: "2021-03-31" }], // 182 days
    });
    // £10m x 182/365 = £4,986,301.369... -> 498,630,137p
    expect(savingsRealised(part, "2022-01-01").rows[0]!.baselineIndexedPence).toBe(498_630_137);
  });
  it("refuses a plan whose years overlap or whose index is not a number, naming the field", () => {
    expect(() =>
      newSavingsPlan({ ...plan, years: [plan.years[0]!, { ...plan.years[1]!, start: "2021-03-31" }] }),
    ).toThrow(expect.objectContaining({ location: { path: "$.years[1].start" } }));
    expect(() => newSavingsPlan({ ...plan, years: [{ ...plan.years[0]!, index: "n/a" }] })).toThrow(
      expect.objectContaining({ location: { path: "$.years[0].index" } }),
    );
    expect(() => newSavingsPlan({ ...plan, years: [{ ...plan.years[0]!, claimedPence: 1.5 }] })).toThrow(
      expect.objectContaining({ location: { path: "$.years[0].claimedPence" } }),
    );
  });
});
