import { describe, expect, it } from "vitest";
import { GATES } from "./definitions.ts";
import { evaluateGates } from "./evaluate.ts";
import { approval, fullHistory } from "./fixture.ts";

describe("evaluateGates", () => {
  it("has the eleven gates in their logical order", () => {
    expect(GATES.map((g) => g.id)).toEqual([
      "pipeline",
      "market-assessment",
      "delivery-model-assessment",
      "strategic-outline-case",
      "outline-business-case",
      "procurement",
      "award",
      "full-business-case",
      "mobilisation",
      "contract-management",
      "exit-or-renewal",
    ]);
  });

  it("passes a complete history taken in order", () => {
    const r = evaluateGates(fullHistory());
    expect(r.findings).toEqual([]);
    expect(r.current).toBeNull();
    expect(r.gates.every((g) => g.status === "approved")).toBe(true);
  });

  it("reports the current gate and an unknown one", () => {
    const r = evaluateGates([
      approval("pipeline", "2014-01-01"),
      { ...approval("pipeline", "2014-01-02"), gate: "vibes" },
    ]);
    expect(r.current).toBe("market-assessment");
    expect(r.gates[0]).toMatchObject({
      status: "approved",
      approvedOn: "2014-01-01",
      approvedBy: "A. Person (commercial)",
    });
    expect(r.findings).toEqual([
      { code: "G-UNKNOWN", severity: "error", path: "$.events[1].gate", message: 'unknown gate "vibes"' },
    ]);
  });
});
