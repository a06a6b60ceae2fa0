import { describe, expect, it } from "vitest";
import { evaluateGates } from "../evaluate.ts";
import { approval } from "../fixture.ts";

describe("logical order", () => {
  const start = { action: "start" as const, by: "x", role: "commercial" as const };

  it("flags a step before its predecessor is approved, with the reason", () => {
    const r = evaluateGates([
      approval("pipeline", "2014-01-01"),
      { ...start, gate: "market-assessment", date: "2014-02-01" },
      { ...start, gate: "delivery-model-assessment", date: "2014-02-02", reason: "ministerial deadline" },
    ]);
    expect(r.findings).toEqual([
      {
        code: "G-ORDER",
        severity: "warning",
        path: "$.events[2]",
        message:
          "not the logical order: Delivery model assessment started before Market assessment was approved (reason recorded: ministerial deadline)",
      },
    ]);
    expect(r.outOfOrder).toBe(1);
  });

  it("refuses a step out of order without a reason", () => {
    const r = evaluateGates([
      approval("pipeline", "2014-01-01"),
      { ...start, gate: "procurement", date: "2014-03-01" },
    ]);
    expect(r.findings[0]).toMatchObject({
      code: "G-ORDER-UNEXPLAINED",
      severity: "error",
      path: "$.events[1].reason",
    });
    expect(r.findings[0]!.message).toContain(
      "Procurement started before Market assessment, Delivery model assessment",
    );
  });

  it("judges by date, not by the order events were entered", () => {
    const r = evaluateGates([
      approval("market-assessment", "2014-02-01"),
      approval("pipeline", "2014-01-01"),
    ]);
    expect(r.findings).toEqual([]);
  });
});
