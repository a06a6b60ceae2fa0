import { describe, expect, it } from "vitest";
import { evaluateGates } from "../evaluate.ts";
import { approval } from "../fixture.ts";

describe("required evidence", () => {
  it("names the evidence missing at approval", () => {
    const r = evaluateGates([approval("pipeline", "2014-01-01", { evidence: ["service-record"] })]);
    expect(r.findings.map((f) => f.message)).toEqual(["Pipeline approved without pipeline-entry"]);
  });

  it("counts evidence recorded earlier at the same gate", () => {
    const r = evaluateGates([
      {
        gate: "pipeline",
        action: "start",
        date: "2014-01-01",
        by: "x",
        role: "commercial",
        evidence: ["service-record"],
      },
      approval("pipeline", "2014-01-02", { evidence: ["pipeline-entry"] }),
    ]);
    expect(r.findings).toEqual([]);
  });
});
