import { describe, expect, it } from "vitest";
import * as decide from "./index.ts";

describe("decide engine exports", () => {
  it("exposes one entry point per capability", () => {
    for (const name of [
      "pipelineSummary",
      "assessDeliveryModels",
      "appraise",
      "switchingValues",
      "tornado",
      "simulate",
      "parseCase",
      "runCase",
      "accountabilityHorizon",
      "workforceSummary",
      "evaluateGates",
      "assessCapability",
    ]) {
      expect(typeof (decide as Record<string, unknown>)[name], name).toBe("function");
    }
  });
});
