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
