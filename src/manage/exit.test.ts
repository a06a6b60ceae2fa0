import { describe, expect, it } from "vitest";
import { type ExitPlanInput, exitAssessment, newExitPlan } from "./exit.ts";

const plan: ExitPlanInput = {
  contractId: "c1",
  assets: "case system licences",
  data: "payroll history",
  staff: "team transfers back under TUPE",
  staffCount: 40,
  monthsNeeded: 18,
  exitCostPence: 500_000_000,
  source: "test",
  demo: false,
  breakPoints: [
    { date: "2026-04-01", label: "first break", noticeMonths: 6, terminationFeePence: 200_000_000, demo: false },
    { date: "2028-04-01", label: "second break", noticeMonths: 6, terminationFeePence: 0, demo: false },
  ],
};

describe("exit plan, break costs and readiness", () => {
  it("prices leaving at each break point: the termination fee plus the plan's one-off cost", () => {
    const a = exitAssessment(newExitPlan(plan), "2030-03-31", "2024-01-01");
    expect(a.points.map((p) => [p.label, p.breakCostPence])).toEqual([
      ["first break", 700_000_000],
      ["second break", 500_000_000],
      ["end of the current term", 500_000_000],
    ]);
    expect(a.points[0]).toMatchObject({ noticeBy: "2025-10-01", startBy: "2024-10-01" });
  });
  it("is ready on the last day to start, and not the day after", () => {
    expect(exitAssessment(plan, "2030-03-31", "2024-10-01").readiness.ready).toBe(true);
    const late = exitAssessment(plan, "2030-03-31", "2024-10-02").readiness;
    expect(late).toMatchObject({ ready: false, daysShort: 1 });
    expect(late.next?.label).toBe("first break");
    expect(late.firstAchievable?.label).toBe("second break");
    expect(late.summary).toContain("it had to start by 2024-10-01");
  });
  it("moves on to the next point once a break point has passed", () => {
    const r = exitAssessment(plan, "2030-03-31", "2026-04-02").readiness;
    expect(r.next?.label).toBe("second break");
    expect(r.ready).toBe(true);
    const none = exitAssessment(plan, "2030-03-31", "2030-04-01").readiness;
    expect(none).toMatchObject({ next: null, ready: false });
  });
  it("refuses a plan with bad months or sums, naming the field", () => {
    expect(() => newExitPlan({ ...plan, monthsNeeded: 1.5 })).toThrow(
      expect.objectContaining({ location: { path: "$.monthsNeeded" } }),
    );
    expect(() =>
      newExitPlan({ ...plan, breakPoints: [{ ...plan.breakPoints[0]!, terminationFeePence: -1 }] }),
    ).toThrow(expect.objectContaining({ location: { path: "$.breakPoints[0].terminationFeePence" } }));
  });
});
