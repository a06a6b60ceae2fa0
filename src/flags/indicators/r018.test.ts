import { describe, expect, it } from "vitest";
import { bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, method: string, bids: unknown[]) => ({
  ocid,
  tender: { procurementMethod: method },
  bids: { details: bids },
});

describe("R018 single bid received", () => {
  it("flags a competitive process with one tenderer, even with two bids from it", () => {
    const { json } = run("[R018]", [
      rel("F", "open", [bid("A", "valid")]),
      rel("G", "selective", [bid("A", "valid"), bid("A", "disqualified")]),
      rel("N", "open", [bid("A", "valid"), bid("B", "valid")]),
    ]);
    expect(json).toEqual({ OCID: { F: { R018: 1 }, G: { R018: 1 } } });
  });

  it("ignores bids that were not submitted (invited, withdrawn) and non-competitive methods", () => {
    const { json } = run("[R018]", [
      rel("W", "open", [bid("A", "valid"), bid("B", "withdrawn")]),
      rel("D", "direct", [bid("A", "valid")]),
    ]);
    expect(json).toEqual({ OCID: { W: { R018: 1 } } });
  });

  it("reads procurement_methods as a pipe-separated list", () => {
    const { json } = run("[R018]\nprocurement_methods = direct|limited", [
      rel("O", "open", [bid("A", "valid")]),
      rel("D", "direct", [bid("A", "valid")]),
    ]);
    expect(json).toEqual({ OCID: { D: { R018: 1 } } });
  });

  it("excludes a process whose tenderer has no id", () => {
    const { json } = run("[R018]", [rel("F", "open", [{ status: "valid", tenderers: [{ name: "X" }] }])]);
    expect(json).toEqual({});
  });
});
