import { describe, expect, it } from "vitest";
import { evaluateGates } from "../evaluate.ts";
import { approval } from "../fixture.ts";

const codes = (r: ReturnType<typeof evaluateGates>) => r.findings.map((f) => f.code);

describe("decision against its own assessment", () => {
  it("flags an approval that chooses another option than its assessment recommends", () => {
    const r = evaluateGates([
      approval("pipeline", "2014-01-01"),
      approval("market-assessment", "2014-02-01"),
      approval("delivery-model-assessment", "2014-03-01", {
        assessmentRecommends: "in-house-reformed",
        optionChosen: "sscl",
      }),
    ]);
    expect(r.findings.filter((f) => f.code === "G-AGAINST-ASSESSMENT")).toEqual([
      {
        code: "G-AGAINST-ASSESSMENT",
        severity: "warning",
        path: "$.events[2].optionChosen",
        message:
          'Delivery model assessment approved "sscl" although its own assessment recommends "in-house-reformed"; no reason is recorded',
      },
    ]);
  });
  it("is silent when the choice follows the assessment, when either is unrecorded, or on a start", () => {
    const same = approval("pipeline", "2014-01-01", { assessmentRecommends: "a", optionChosen: "a" });
    const half = approval("pipeline", "2014-01-01", { optionChosen: "a" });
    const start = { ...approval("pipeline", "2014-01-01", { assessmentRecommends: "a", optionChosen: "b" }), action: "start" as const };
    for (const e of [same, half, start]) expect(codes(evaluateGates([e]))).not.toContain("G-AGAINST-ASSESSMENT");
  });
});
