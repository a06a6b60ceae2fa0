import { describe, expect, it } from "vitest";
import { award, bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, w: number, l: number, extra: object = {}) => ({
  ocid,
  bids: { details: [bid("W", "valid", w), bid("L", "valid", l), bid("D", "disqualified", 1)] },
  awards: [award("W")],
  ...extra,
});

describe("R024 price close to winning bid", () => {
  it("flags a difference at or below the threshold, with the winner and second-lowest bidder", () => {
    const { json } = run("[R024]\nthreshold = 0.05", [rel("F", 100, 101), rel("N", 100, 200)], { map: true });
    expect(json.OCID).toEqual({ F: { R024: 0.01 } });
    expect(json.Tenderer).toEqual({ W: { R024: 0 }, L: { R024: 0 } });
    expect(json.Maps.ocid_tenderer_r024).toEqual({ F: ["W", "L"] });
  });

  it("computes the lower fence Q1 − 1.5·IQR with Cardinal's quantiles and reports it in Meta", () => {
    const releases = [
      rel("F", 100, 101),
      rel("A", 100, 150),
      rel("B", 100, 150),
      rel("C", 100, 150),
      rel("D", 100, 150),
    ];
    const { json } = run("[R024]", releases, { meta: true });
    expect(json.OCID).toEqual({ F: { R024: 0.01 } });
    expect(json.Meta.R024).toEqual({ q1: 0.3367, q3: 0.5, lower_fence: 0.0917 });
  });

  it("uses the winner's lowest bid as the winning bid", () => {
    const r = {
      ocid: "F",
      bids: { details: [bid("W", "valid", 110), bid("W", "valid", 100), bid("L", "valid", 102)] },
      awards: [award("W")],
    };
    expect(run("[R024]\nthreshold = 0.05", [r]).json.OCID).toEqual({ F: { R024: 0.02 } });
  });

  it("excludes pending awards, several active awards, joint bids, consortium awards and non-lowest winners", () => {
    const { json } = run("[R024]\nthreshold = 0.5", [
      rel("Pending", 100, 101, { awards: [award("W"), award("L", "pending")] }),
      rel("Two", 100, 101, { awards: [award("W"), award("L")] }),
      rel("Joint", 100, 101, { bids: { details: [bid(["W", "X"], "valid", 100), bid("L", "valid", 101)] } }),
      rel("Consortium", 100, 101, { awards: [award(["W", "X"])] }),
      rel("NotLowest", 102, 101),
    ]);
    expect(json).toEqual({});
  });

  it("excludes other currencies and procedures without price comparison", () => {
    const ini = "currency = EUR\nno_price_comparison_procurement_methods = Sorteo\n[R024]\nthreshold = 0.5";
    const eur = (a: number, t: string) => ({
      status: "valid",
      tenderers: [{ id: t }],
      value: { amount: a, currency: "EUR" },
    });
    const { json } = run(ini, [
      rel("USD", 100, 101),
      {
        ocid: "Sorteo",
        tender: { procurementMethodDetails: "Sorteo" },
        bids: { details: [eur(100, "W"), eur(101, "L")] },
        awards: [award("W")],
      },
      { ocid: "EUR", bids: { details: [eur(100, "W"), eur(101, "L")] }, awards: [award("W")] },
    ]);
    expect(json.OCID).toEqual({ EUR: { R024: 0.01 } });
  });

  it("excludes the whole process when a valid bid is not in the main currency (not just that bid)", () => {
    // The first currency observed (USD, in "Main") is the main currency when none is configured.
    const cad = { status: "valid", tenderers: [{ id: "X" }], value: { amount: 100.5, currency: "CAD" } };
    const mixed = rel("Mixed", 100, 101);
    mixed.bids.details.push(cad);
    const { json } = run("[R024]\nthreshold = 0.05", [rel("Main", 100, 102), mixed]);
    expect(json.OCID).toEqual({ Main: { R024: 0.02 } });
  });

  it("ignores disqualified and unpriced bids when finding the second-lowest valid bid", () => {
    const r = {
      ocid: "F",
      bids: {
        details: [
          bid("W", "valid", 100),
          bid("D", "disqualified", 100.5),
          bid("N", "valid"),
          bid("L", "valid", 104),
        ],
      },
      awards: [award("W")],
    };
    expect(run("[R024]\nthreshold = 0.05", [r]).json.OCID).toEqual({ F: { R024: 0.04 } });
  });
});
