import { describe, expect, it } from "vitest";
import { evaluateGates } from "../evaluate.ts";
import { approval } from "../fixture.ts";

describe("budget-driven", () => {
  it("flags a decision whose only driver is the savings target", () => {
    const r = evaluateGates([approval("pipeline", "2014-01-01", { drivers: ["savings-target"] })]);
    expect(r.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        "G-BUDGET-DRIVEN",
        "warning",
        "budget-driven: the only recorded driver for approving Pipeline is the savings target",
      ],
    ]);
    expect(r.budgetDriven).toBe(1);
  });

  it("does not flag savings alongside another driver", () => {
    expect(evaluateGates([approval("pipeline", "2014-01-01")]).findings).toEqual([]);
  });
});
