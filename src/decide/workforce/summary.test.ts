import { describe, expect, it } from "vitest";
import { example } from "./fixture.ts";
import { workforceSummary } from "./summary.ts";

describe("workforce summary", () => {
  it("gives shares of posts in scope and relocations by location", () => {
    const s = workforceSummary(example());
    expect(s).toMatchObject({
      shareTransferred: 0.89,
      shareRetained: 0.08,
      shareRedundant: 0.03,
      relocatedTotal: 350,
      shareRelocated: 0.7,
    });
    expect(s.relocatedByLocation).toEqual([
      { location: "Newport", posts: 200 },
      { location: "Newcastle", posts: 150 },
    ]);
    expect(s.findings).toEqual([]);
  });

  it("collects the findings of every check", () => {
    const s = workforceSummary({ ...example(), retained: 0, zeroHours: { status: "not-declared" } });
    expect(s.findings.map((f) => f.code)).toEqual(["W-BALANCE", "W-ZERO-HOURS"]);
  });
});
