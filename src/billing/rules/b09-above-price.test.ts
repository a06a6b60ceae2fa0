import { describe, expect, it } from "vitest";
import { baseWorld, line, results } from "../../../test/billing/fixture.ts";

describe("B09 above-price", () => {
  it("the charge above the schedule is at risk", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31", { amount: 31 * 1250 })];
    expect(results(w)).toEqual({ "L1 B09": [31, 31 * 250] });
  });
  it("a charge at or below the price is fine", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31", { amount: 31 * 900 })];
    expect(results(w)).toEqual({});
  });
  it("uses the price valid on each day, and the whole charge where none is", () => {
    const w = baseWorld();
    w.prices = [
      {
        contractId: "C1",
        serviceCode: "EM",
        validFrom: "2015-01-01",
        validTo: "2015-03-15",
        unitPrice: 1000,
      },
      {
        contractId: "C1",
        serviceCode: "EM",
        validFrom: "2015-03-16",
        validTo: "2015-03-20",
        unitPrice: 1100,
      },
    ];
    w.invoiceLines = [line("L1", "2015-03-11", "2015-03-25", { amount: 15 * 1050 })];
    // 11..15 over by 50 a day; 16..20 under; 21..25 unpriced: 1050 a day.
    expect(results(w)).toEqual({ "L1 B09": [10, 5 * 50 + 5 * 1050] });
  });
  it("sums exact fractions and rounds once per line, half away from zero", () => {
    const w = baseWorld();
    // 3 days for 3001p: 1000.333p a day, 1/3p over each day: 1p in all, not 0p three times.
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-03", { amount: 3001 })];
    expect(results(w)).toEqual({ "L1 B09": [3, 1] });
  });
  it("only counts days that are otherwise due", () => {
    const w = baseWorld();
    w.custody = [{ subjectId: "S1", fromDate: "2015-03-01", toDate: "2015-03-02" }];
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-04", { amount: 4 * 1200 })];
    expect(results(w)).toEqual({ "L1 B05": [2, 2400], "L1 B09": [2, 400] });
  });
  it("another contract's price does not apply", () => {
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-02", { contractId: "C2" })];
    expect(results(w)).toEqual({ "L1 B09": [2, 2000] });
  });
  it("is exact for a huge amount, where days × amount is beyond 2^53", () => {
    const w = baseWorld();
    // £9,999,999,999,999.99 over 31 days at £10.00 a day; 20 of them unpriced.
    w.prices[0]!.validTo = "2015-03-11";
    const amount = 999_999_999_999_999;
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-31", { amount })];
    // (11 × (amount − 31 × 1000) + 20 × amount) / 31, rounded once.
    const num = 11n * (BigInt(amount) - 31_000n) + 20n * BigInt(amount);
    const pence = Number((2n * num + 31n) / 62n);
    expect(results(w)).toEqual({ "L1 B09": [31, pence] });
    expect(pence).toBe(999_999_999_988_999);
  });
});
