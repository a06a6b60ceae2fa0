import { describe, expect, it } from "vitest";
import { checkClassificationReason } from "./checks/classification-reason.ts";
import { checkCoreInWave } from "./checks/core-in-wave.ts";
import { checkWaveReferences } from "./checks/wave-references.ts";
import { example } from "./fixture.ts";
import { pipelineSummary } from "./pipeline.ts";

describe("pipeline summary", () => {
  it("totals each wave in date order and the share market-tested", () => {
    const p = pipelineSummary(example());
    expect(p.waves.map((w) => [w.id, w.annualCost, w.staff])).toEqual([
      ["w1", 1_000_000, 100],
      ["w2", 300_000, 40],
    ]);
    expect(p.shareMarketTested).toBeCloseTo(1.3 / 2, 12);
    expect(p.findings).toEqual([]);
  });
});

describe("catalogue checks", () => {
  it("classification needs a reason", () => {
    const c = example();
    c.services[0]!.classification.reason = "";
    expect(checkClassificationReason(c)[0]!.message).toBe(
      'service "finance" is classified non-core without a reason',
    );
  });

  it("flags a core service in a wave", () => {
    const c = example();
    c.waves[0]!.services.push("custody");
    expect(checkCoreInWave(c)).toEqual([
      {
        code: "C-CORE",
        severity: "warning",
        path: "$.waves[0].services[1]",
        message: 'core service "custody" is in market-testing wave "w2"',
      },
    ]);
  });

  it("flags unknown services and services in two waves", () => {
    const c = example();
    c.waves[0]!.services.push("finance", "laundry");
    expect(checkWaveReferences(c).map((f) => f.message)).toEqual([
      'wave "w2" names unknown service "laundry"',
      'service "finance" is in waves "w2" and "w1"',
    ]);
  });
});
