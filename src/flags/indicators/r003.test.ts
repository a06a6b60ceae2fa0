import { describe, expect, it } from "vitest";
import { run } from "../../../test/flags/run.ts";

const rel = (ocid: string, start: string, end: string, tender: object = {}) => ({
  ocid,
  tender: { procurementMethod: "open", tenderPeriod: { startDate: start, endDate: end }, ...tender },
});

describe("R003 short submission period", () => {
  it("flags a period shorter than 15 whole days and not one of 15 days", () => {
    const { json } = run("[R003]", [
      rel("F", "2022-03-15T00:00:00Z", "2022-03-20T00:00:00Z"),
      rel("N", "2022-03-01T00:00:00Z", "2022-03-16T00:00:00Z"),
      rel("Almost", "2022-03-01T00:00:00Z", "2022-03-15T23:00:00Z"),
    ]);
    expect(json).toEqual({ OCID: { F: { R003: 1 }, Almost: { R003: 1 } } });
  });

  it("uses the threshold and per procurementMethodDetails thresholds", () => {
    const ini = "[R003]\nthreshold = 3\n[R003.procurement_method_details]\nCotización = 7\n";
    const { json } = run(ini, [
      rel("A", "2022-03-15T00:00:00Z", "2022-03-20T00:00:00Z"),
      rel("B", "2022-03-15T00:00:00Z", "2022-03-20T00:00:00Z", { procurementMethodDetails: "Cotización" }),
      rel("C", "2022-03-15T00:00:00Z", "2022-03-17T00:00:00Z"),
    ]);
    expect(json).toEqual({ OCID: { B: { R003: 1 }, C: { R003: 1 } } });
  });

  it("excludes processes without both date-times (with a time zone), and methods outside procurement_methods", () => {
    const { json } = run("[R003]\nprocurement_methods = selective", [
      rel("Open", "2022-03-15T00:00:00Z", "2022-03-16T00:00:00Z"),
      rel("NoEnd", "2022-03-15T00:00:00Z", "", { procurementMethod: "selective" }),
      { ocid: "NoPeriod", tender: { procurementMethod: "selective" } },
      rel("NoZone", "2022-03-15", "2022-03-16", { procurementMethod: "selective" }),
      rel("Sel", "2022-03-15T00:00:00-05:00", "2022-03-16T00:00:00-05:00", {
        procurementMethod: "selective",
      }),
    ]);
    expect(json).toEqual({ OCID: { Sel: { R003: 1 } } });
  });

  it("applies the global exclusions: cancelled tender, non-string ocid, excluded method details", () => {
    const ini = "[exclusions]\nprocurement_method_details = Sorteo\n[R003]";
    const { json } = run(ini, [
      rel("X", "2022-03-15T00:00:00Z", "2022-03-16T00:00:00Z", { status: "cancelled" }),
      { ...rel("Y", "2022-03-15T00:00:00Z", "2022-03-16T00:00:00Z"), ocid: 1 },
      rel("Z", "2022-03-15T00:00:00Z", "2022-03-16T00:00:00Z", { procurementMethodDetails: "Sorteo" }),
    ]);
    expect(json).toEqual({});
  });

  it("explains the flag with the dates, days and threshold", () => {
    const { result } = run("[R003]", [rel("F", "2022-03-15T00:00:00Z", "2022-03-20T00:00:00Z")]);
    expect(result.flags[0]).toMatchObject({ code: "R003", measured: 5, threshold: 15, comparison: "<" });
  });
});
