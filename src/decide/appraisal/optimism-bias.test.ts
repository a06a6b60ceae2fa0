import { describe, expect, it } from "vitest";
import { OPTIMISM_BIAS_TABLE, optimismBiasUplift } from "./optimism-bias.ts";

describe("optimism bias", () => {
  it("carries the supplementary guidance's upper bounds", () => {
    expect(OPTIMISM_BIAS_TABLE["standard-buildings"].upper).toBe(0.24);
    expect(OPTIMISM_BIAS_TABLE["non-standard-civil-engineering"].upper).toBe(0.66);
    expect(OPTIMISM_BIAS_TABLE["equipment-development"].upper).toBe(2);
    expect(OPTIMISM_BIAS_TABLE.outsourcing).toMatchObject({ appliesTo: "opex", upper: 0.41, lower: 0 });
  });

  it("reduces the upper bound by the mitigation factor", () => {
    expect(optimismBiasUplift({ category: "outsourcing", mitigation: 0 }).uplift).toBeCloseTo(0.41, 12);
    expect(optimismBiasUplift({ category: "outsourcing", mitigation: 0.5 }).uplift).toBeCloseTo(0.205, 12);
    // the guidance's worked example: 92% of a non-standard building's 51% mitigated -> 4%
    expect(optimismBiasUplift({ category: "non-standard-buildings", mitigation: 0.92 }).uplift).toBeCloseTo(
      0.0408,
      4,
    );
  });

  it("never goes below the lower bound", () => {
    expect(optimismBiasUplift({ category: "standard-buildings", mitigation: 1 }).uplift).toBe(0.02);
  });

  it("rejects a mitigation outside 0..1", () => {
    expect(() => optimismBiasUplift({ category: "outsourcing", mitigation: 1.5 })).toThrow(/between 0 and 1/);
  });
});
