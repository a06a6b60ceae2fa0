import { describe, expect, it } from "vitest";
import { CAPABILITY_AREAS } from "./areas.ts";
import { assessCapability } from "./assess.ts";

describe("commercial capability", () => {
  it("covers the NAO's eight areas", () => {
    expect(CAPABILITY_AREAS.map((a) => a.id)).toEqual([
      "governance",
      "people",
      "administration",
      "relationships",
      "performance",
      "payment",
      "risk",
      "contract-development",
    ]);
  });

  it("summarises evidenced scores, the weakest and the missing areas", () => {
    const s = assessCapability([
      { area: "governance", score: 3, evidence: "board terms of reference" },
      { area: "people", score: 1, evidence: "skills audit 2015" },
      { area: "performance", score: 2, evidence: "KPI pack" },
      { area: "risk", score: 4, evidence: "" },
    ]);
    expect(s.mean).toBe(2); // (3 + 1 + 2) / 3; risk has no evidence
    expect(s.weakest).toEqual(["people"]);
    expect(s.notAssessed).toEqual(["administration", "relationships", "payment", "contract-development"]);
    expect(s.areas[1]).toMatchObject({ maturity: "developing", evidenced: true });
    expect(s.findings.map((f) => f.message)).toEqual(["Risk: a score without evidence is not counted"]);
  });

  it("rejects unknown areas and scores off the scale", () => {
    const s = assessCapability([
      { area: "vibes" as never, score: 2, evidence: "x" },
      { area: "people", score: 9, evidence: "x" },
    ]);
    expect(s.findings.map((f) => f.code)).toEqual(["K-AREA", "K-SCORE"]);
  });
});
