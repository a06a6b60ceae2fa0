import { describe, expect, it } from "vitest";
import { type DecisionForFlags, decisionFlags, driverOf } from "./decision-flags.ts";

const d = (
  over: Partial<DecisionForFlags> & { id: string; gate: string; decidedOn: string },
): DecisionForFlags => ({
  subject: "finance",
  outcome: "approved",
  drivers: ["service quality"],
  outOfOrderReason: null,
  ...over,
});

describe("decision flags", () => {
  it("maps free-text drivers to the gate vocabulary", () => {
    expect(driverOf("Savings target")).toBe("savings-target");
    expect(driverOf("economies of scale")).toBe("other");
  });

  it("flags an approval whose only driver is the savings target as budget-driven", () => {
    const flags = decisionFlags([
      d({ id: "a", gate: "award", decidedOn: "2015-06-01", drivers: ["savings target"] }),
      d({
        id: "b",
        gate: "full-business-case",
        decidedOn: "2015-07-01",
        drivers: ["savings target", "economies of scale"],
      }),
    ]);
    expect(flags.get("a")).toEqual(["budget-driven"]);
    expect(flags.get("b")).toEqual([]);
  });

  it("flags a step taken while a recorded earlier gate is still open, and not gates never recorded", () => {
    const flags = decisionFlags([
      d({ id: "dma", gate: "delivery-model-assessment", decidedOn: "2015-12-01", outcome: "started" }),
      d({
        id: "proc",
        gate: "procurement",
        decidedOn: "2016-02-12",
        outcome: "started",
        outOfOrderReason: "savings",
      }),
      d({ id: "other", subject: "catering", gate: "award", decidedOn: "2016-03-01" }),
    ]);
    expect(flags.get("proc")).toEqual(["not the logical order"]);
    expect(flags.get("dma")).toEqual([]);
    expect(flags.get("other")).toEqual([]);
  });

  it("does not flag award before the full business case (the logical order)", () => {
    const flags = decisionFlags([
      d({ id: "fbc", gate: "full-business-case", decidedOn: "2015-07-15" }),
      d({ id: "award", gate: "award", decidedOn: "2015-06-10" }),
    ]);
    expect(flags.get("fbc")).toEqual([]);
    expect(flags.get("award")).toEqual([]);
  });
});
