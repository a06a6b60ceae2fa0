import { describe, expect, it } from "vitest";
import { award, bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, bids: unknown[], extra: object = {}) => ({
  ocid,
  bids: { details: bids },
  awards: [award("B")],
  ...extra,
});

describe("R036 lowest bid disqualified", () => {
  it("flags a process whose lowest submitted bid is disqualified", () => {
    const { json } = run("[R036]", [
      rel("F", [bid("A", "disqualified", 100000), bid("B", "valid", 111111)]),
      rel("N", [bid("A", "disqualified", 200000), bid("B", "valid", 111111)]),
    ]);
    expect(json).toEqual({ OCID: { F: { R036: 1 } } });
  });

  it("requires an active award and a valid bid with an amount", () => {
    const { json } = run("[R036]", [
      rel("NoAward", [bid("A", "disqualified", 1), bid("B", "valid", 2)], {
        awards: [award("B", "cancelled")],
      }),
      rel("NoAmount", [bid("A", "disqualified", 1), bid("B", "valid")]),
    ]);
    expect(json).toEqual({});
  });

  it("excludes processes whose prices the buyer predetermines", () => {
    const ini = "no_price_comparison_procurement_methods = Random Selection\n[R036]";
    const { json } = run(ini, [
      rel("F", [bid("A", "disqualified", 1), bid("B", "valid", 2)], {
        tender: { procurementMethodDetails: "Random Selection" },
      }),
    ]);
    expect(json).toEqual({});
  });

  it("lets the first of several lowest bids decide, and ignores bids that were not submitted", () => {
    const { json } = run("[R036]", [
      rel("DisqFirst", [bid("A", "disqualified", 1), bid("B", "valid", 1)]),
      rel("ValidFirst", [bid("B", "valid", 1), bid("A", "disqualified", 1)]),
      rel("Withdrawn", [bid("A", "disqualified", 10), bid("B", "valid", 20), bid("C", "withdrawn", 1)]),
      rel("Pending", [bid("A", "disqualified", 10), bid("B", "valid", 20), bid("C", "pending", 1)]),
    ]);
    expect(json).toEqual({ OCID: { DisqFirst: { R036: 1 }, Withdrawn: { R036: 1 } } });
  });

  it("excludes the whole process when a submitted bid is not in the main currency", () => {
    const eur = { status: "disqualified", tenderers: [{ id: "E" }], value: { amount: 1, currency: "EUR" } };
    const { json } = run("currency = USD\n[R036]", [
      rel("Mixed", [bid("A", "disqualified", 10), bid("B", "valid", 20), eur]),
      rel("Main", [bid("A", "disqualified", 10), bid("B", "valid", 20)]),
    ]);
    expect(json).toEqual({ OCID: { Main: { R036: 1 } } });
  });

  it("does not need tenderer or supplier ids", () => {
    const r = {
      ocid: "F",
      bids: {
        details: [
          { status: "disqualified", value: { amount: 1, currency: "USD" } },
          { status: "valid", value: { amount: 2, currency: "USD" } },
        ],
      },
      awards: [{ status: "active" }],
    };
    expect(run("[R036]", [r]).json).toEqual({ OCID: { F: { R036: 1 } } });
  });
});
