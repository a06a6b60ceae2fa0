import { describe, expect, it } from "vitest";
import { evaluateGates } from "../evaluate.ts";
import { approval } from "../fixture.ts";

describe("drivers recorded", () => {
  it("requires the drivers of every approval", () => {
    const r = evaluateGates([approval("pipeline", "2014-01-01", { drivers: [] })]);
    expect(r.findings).toEqual([
      {
        code: "G-DRIVERS",
        severity: "error",
        path: "$.events[0].drivers",
        message: "the decision to approve Pipeline records no drivers",
      },
    ]);
  });
});
