import { describe, expect, it } from "vitest";
import { newKpi } from "./kpi.ts";

describe("a KPI", () => {
  it("is published unless said otherwise, with optional texts empty", () => {
    expect(newKpi("c1", { id: " kpi-1 ", title: "Invoices paid in 30 days" })).toEqual({
      id: "kpi-1",
      contractId: "c1",
      title: "Invoices paid in 30 days",
      description: "",
      target: "",
      published: true,
      demo: false,
    });
    expect(newKpi("c1", { id: "k", title: "t", published: false }).published).toBe(false);
  });
  it("needs an id and a title", () => {
    expect(() => newKpi("c1", { id: "", title: "t" })).toThrow(
      expect.objectContaining({ location: { path: "$.id" } }),
    );
    expect(() => newKpi("c1", { id: "k", title: " " })).toThrow(
      expect.objectContaining({ location: { path: "$.title" } }),
    );
  });
});

describe("how a KPI is measured", () => {
  it("keeps exact figures and defaults", async () => {
    const { newKpiMeasure } = await import("./kpi.ts");
    expect(newKpiMeasure({ targetValue: "99.50", period: "monthly", source: "supplier" })).toEqual({
      targetValue: "99.5",
      tolerance: "0",
      direction: "higher",
      period: "monthly",
      weight: 1,
      source: "supplier",
      unit: "",
      measuredFrom: "",
    });
  });
  it("names the field that is wrong", async () => {
    const { newKpiMeasure } = await import("./kpi.ts");
    expect(() => newKpiMeasure({ targetValue: "high", period: "monthly", source: "supplier" })).toThrow(
      expect.objectContaining({ location: { path: "$.targetValue" } }),
    );
    expect(() => newKpiMeasure({ targetValue: "1", period: "weekly", source: "supplier" })).toThrow(
      expect.objectContaining({ location: { path: "$.period" } }),
    );
    expect(() =>
      newKpiMeasure({ targetValue: "1", period: "annual", source: "supplier", weight: 0 }),
    ).toThrow(expect.objectContaining({ location: { path: "$.weight" } }));
  });
});
