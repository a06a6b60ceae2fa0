import { describe, expect, it } from "vitest";
import {
  type CreditRegime,
  newRegime,
  type PeriodKpiResult,
  serviceCredits,
  shareOf,
} from "./service-credits.ts";

// £100,000.00 a month; 2.5% (£2,500.00) per failed KPI; capped at 5% (£5,000.00) a month.
const regime: CreditRegime = newRegime("c", {
  kind: "percent",
  monthlyChargePence: 10_000_000,
  creditBp: 250,
  pointsPerFailure: 0,
  pencePerPoint: 0,
  capBp: 500,
});

const result = (
  kpiId: string,
  outcome: PeriodKpiResult["outcome"],
  periodEnd = "2026-03-31",
): PeriodKpiResult => ({
  kpiId,
  title: `KPI ${kpiId}`,
  periodEnd,
  outcome,
  sentence: outcome ?? "no result for the period",
});

describe("service credits", () => {
  it("below the cap: each failed KPI credits its share", () => {
    const [m] = serviceCredits(regime, [
      result("a", "fail"),
      result("b", "pass"),
      result("c", "withinTolerance"),
    ]);
    expect(m).toMatchObject({
      month: "2026-03",
      grossPence: 250_000,
      capPence: 500_000,
      creditPence: 250_000,
      capped: false,
    });
    expect(m?.failed.map((f) => f.kpiId)).toEqual(["a"]);
    expect(m?.working.at(-1)).toBe(
      "1 failed KPI × £2,500.00 = £2,500.00, within the cap of £5,000.00: credit £2,500.00.",
    );
  });
  it("at the cap: the credit is the cap, nothing lost", () => {
    const [m] = serviceCredits(regime, [result("a", "fail"), result("b", "fail")]);
    expect(m).toMatchObject({ grossPence: 500_000, creditPence: 500_000, capped: false });
    expect(m?.working.at(-1)).toContain("exactly the cap of £5,000.00");
  });
  it("above the cap: the credit stops at the cap and the working says how much was not credited", () => {
    const [m] = serviceCredits(regime, [result("a", "fail"), result("b", "fail"), result("c", "fail")]);
    expect(m).toMatchObject({ grossPence: 750_000, capPence: 500_000, creditPence: 500_000, capped: true });
    expect(m?.working.at(-1)).toBe(
      "3 failed KPIs × £2,500.00 = £7,500.00, above the cap of £5,000.00: the credit is the cap, £5,000.00 (£2,500.00 not credited).",
    );
  });
  it("counts a missing result as a failure only when the regime says so", () => {
    expect(serviceCredits(regime, [result("a", null)])[0]?.creditPence).toBe(250_000);
    const lenient = { ...regime, missingCountsAsFailure: false };
    expect(serviceCredits(lenient, [result("a", null)])[0]?.creditPence).toBe(0);
  });
  it("points regimes credit points times their value, capped the same way", () => {
    const points = newRegime("c", {
      kind: "points",
      monthlyChargePence: 10_000_000,
      creditBp: 0,
      pointsPerFailure: 3,
      pencePerPoint: 100_000,
      capBp: 500,
    });
    const [one] = serviceCredits(points, [result("a", "fail")]);
    expect(one).toMatchObject({ grossPence: 300_000, creditPence: 300_000 });
    expect(one?.failed[0]?.points).toBe(3);
    const [two] = serviceCredits(points, [result("a", "fail"), result("b", "fail")]);
    expect(two).toMatchObject({ grossPence: 600_000, creditPence: 500_000, capped: true });
  });
  it("groups by the month a period ends in, oldest first", () => {
    const ms = serviceCredits(regime, [result("a", "fail", "2026-04-30"), result("b", "fail", "2026-03-31")]);
    expect(ms.map((m) => [m.month, m.periodEnd])).toEqual([
      ["2026-03", "2026-03-31"],
      ["2026-04", "2026-04-30"],
    ]);
  });
  it("rounds shares down to the penny, exactly for large sums", () => {
    expect(shareOf(333, 250)).toBe(8);
    expect(shareOf(999_999_999_999_999, 9_999)).toBe(999_899_999_999_999);
  });
  it("refuses a regime that could credit nothing, naming the field", () => {
    expect(() =>
      newRegime("c", {
        kind: "percent",
        monthlyChargePence: 1,
        creditBp: 0,
        pointsPerFailure: 0,
        pencePerPoint: 0,
        capBp: 1,
      }),
    ).toThrow(expect.objectContaining({ location: { path: "$.creditBp" } }));
    expect(() =>
      newRegime("c", {
        kind: "percent",
        monthlyChargePence: 1,
        creditBp: 20_000,
        pointsPerFailure: 0,
        pencePerPoint: 0,
        capBp: 1,
      }),
    ).toThrow(expect.objectContaining({ location: { path: "$.creditBp" } }));
  });
});
