import { describe, expect, it } from "vitest";
import { run } from "../../../test/flags/run.ts";

const rel = (ocid: string, method: string | undefined, numberOfTenderers: unknown) => ({
  ocid,
  tender: { procurementMethod: method, numberOfTenderers },
});

describe("R018 single bid received", () => {
  it("flags a competitive process with one tenderer", () => {
    const { json } = run("[R018]", [rel("F", "open", 1), rel("G", "selective", 1), rel("N", "open", 2)]);
    expect(json).toEqual({ OCID: { F: { R018: 1 }, G: { R018: 1 } } });
  });

  it("excludes non-competitive methods and processes without a number of tenderers", () => {
    const { json } = run("[R018]", [
      rel("D", "direct", 1),
      rel("Unset", "open", undefined),
      rel("Text", "open", "1"),
      rel("NoMethod", undefined, 1),
    ]);
    expect(json).toEqual({});
  });

  it("reads procurement_methods as a pipe-separated list", () => {
    const { json } = run("[R018]\nprocurement_methods = direct|limited", [
      rel("O", "open", 1),
      rel("D", "direct", 1),
    ]);
    expect(json).toEqual({ OCID: { D: { R018: 1 } } });
  });
});
