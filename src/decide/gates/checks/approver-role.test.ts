import { describe, expect, it } from "vitest";
import { evaluateGates } from "../evaluate.ts";
import { approval } from "../fixture.ts";

describe("approver role", () => {
  it("rejects an approval by a role the gate does not name", () => {
    const r = evaluateGates([
      approval("pipeline", "2014-01-01"),
      approval("market-assessment", "2014-02-01", { role: "finance" }),
    ]);
    expect(r.findings).toEqual([
      {
        code: "G-ROLE",
        severity: "error",
        path: "$.events[1].role",
        message: "Market assessment may be approved only by commercial, not finance",
      },
    ]);
  });

  it("lets anyone start a gate", () => {
    const r = evaluateGates([
      { gate: "pipeline", action: "start", date: "2014-01-01", by: "x", role: "finance" },
    ]);
    expect(r.findings).toEqual([]);
    expect(r.gates[0]!.status).toBe("in-progress");
  });
});
