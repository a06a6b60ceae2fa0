import { describe, expect, it } from "vitest";
import {
  assessResult,
  isPeriodEnd,
  newKpiResult,
  overduePeriods,
  periodEnds,
  periodStart,
  unverifiedSelfReport,
} from "./kpi-result.ts";

const share = { targetValue: "99.5", tolerance: "0.3", direction: "higher" as const, unit: "%" };
const days = { targetValue: "10", tolerance: "2", direction: "lower" as const, unit: " days" };

describe("a KPI result against its target", () => {
  it("passes at the target and beyond it", () => {
    expect(assessResult(share, "99.5").outcome).toBe("pass");
    expect(assessResult(share, "100").outcome).toBe("pass");
    expect(assessResult(days, "10").outcome).toBe("pass");
    expect(assessResult(days, "7").outcome).toBe("pass");
  });
  it("is within tolerance up to the edge of the tolerance, and fails past it", () => {
    expect(assessResult(share, "99.2")).toMatchObject({ outcome: "withinTolerance", shortfall: "0.3" });
    expect(assessResult(share, "99.19")).toMatchObject({ outcome: "fail", shortfall: "0.31" });
    expect(assessResult(days, "12").outcome).toBe("withinTolerance");
    expect(assessResult(days, "12.01").outcome).toBe("fail");
  });
  it("says so in a sentence with the figures", () => {
    expect(assessResult(share, "98.9").sentence).toBe(
      "98.9% against a target of at least 99.5% (tolerance 0.3%): failed, 0.6% short",
    );
  });
});

describe("periods", () => {
  it("end on month, quarter and financial-year ends", () => {
    expect(isPeriodEnd("monthly", "2026-02-28")).toBe(true);
    expect(isPeriodEnd("monthly", "2026-02-27")).toBe(false);
    expect(isPeriodEnd("quarterly", "2026-06-30")).toBe(true);
    expect(isPeriodEnd("quarterly", "2026-05-31")).toBe(false);
    expect(isPeriodEnd("annual", "2026-03-31")).toBe(true);
    expect(isPeriodEnd("annual", "2026-12-31")).toBe(false);
    expect(periodStart("quarterly", "2026-06-30")).toBe("2026-04-01");
    expect(periodEnds("quarterly", "2026-02-10", "2026-10-01")).toEqual([
      "2026-03-31",
      "2026-06-30",
      "2026-09-30",
    ]);
  });
  it("are overdue once ended with no result, within the contract's term only", () => {
    const contract = { startDate: "2025-10-01", endDate: "2026-03-31" };
    const got = new Set(["2025-10-31", "2025-12-31"]);
    const m = { period: "monthly" as const, measuredFrom: "" };
    expect(overduePeriods(m, contract, got, "2026-01-31")).toEqual(["2025-11-30"]);
    expect(overduePeriods(m, contract, got, "2026-02-01")).toEqual(["2025-11-30", "2026-01-31"]);
    // After the end: the last period is owed, none after it.
    expect(overduePeriods(m, contract, got, "2026-12-01")).toEqual([
      "2025-11-30",
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
    ]);
  });
});

describe("a result to store", () => {
  const kpi = { period: "monthly" as const, source: "supplier" as const };
  it("takes the KPI's source and is flagged while unverified", () => {
    const r = newKpiResult("c", kpi, { kpiId: "k", periodEnd: "2026-01-31", value: "98.50" });
    expect(r).toMatchObject({ id: "k@2026-01-31", value: "98.5", source: "supplier", verifiedBy: "" });
    expect(unverifiedSelfReport(r)).toBe(true);
    expect(unverifiedSelfReport({ ...r, verifiedBy: "contracts" })).toBe(false);
  });
  it("names the field that is wrong", () => {
    expect(() => newKpiResult("c", kpi, { kpiId: "k", periodEnd: "2026-01-30", value: "1" })).toThrow(
      expect.objectContaining({ location: { path: "$.periodEnd" } }),
    );
    expect(() => newKpiResult("c", kpi, { kpiId: "k", periodEnd: "2026-01-31", value: "n/a" })).toThrow(
      expect.objectContaining({ location: { path: "$.value" } }),
    );
    expect(() =>
      newKpiResult("c", kpi, { kpiId: "k", periodEnd: "2026-01-31", value: "1", ratingOverride: "good" }),
    ).toThrow(expect.objectContaining({ location: { path: "$.overrideReason" } }));
  });
});
