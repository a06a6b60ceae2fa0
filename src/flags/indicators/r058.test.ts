import { describe, expect, it } from "vitest";
import { award, bid, run } from "../../../test/flags/run.ts";

const rel = (ocid: string, w: number, l: number, extra: object = {}) => ({
  ocid,
  bids: { details: [bid("W", "valid", w), bid("L", "valid", l)] },
  awards: [award("W")],
  ...extra,
});

describe("R058 heavily discounted bid", () => {
  it("flags a difference at or above the threshold, with the winner", () => {
    const { json } = run(
      "[R058]\nthreshold = 0.5",
      [rel("F", 1, 100), rel("E", 100, 150), rel("N", 100, 101)],
      {
        map: true,
      },
    );
    expect(json.OCID).toEqual({ F: { R058: 99 }, E: { R058: 0.5 } });
    expect(json.Tenderer).toEqual({ W: { R058: 0 } });
    expect(json.Maps.ocid_tenderer_r058).toEqual({ F: ["W"], E: ["W"] });
  });

  it("computes the upper fence Q3 + 1.5·IQR", () => {
    const releases = [
      rel("F", 100, 300),
      rel("A", 100, 110),
      rel("B", 100, 110),
      rel("C", 100, 110),
      rel("D", 100, 120),
    ];
    const { json } = run("[R058]", releases, { meta: true });
    expect(json.OCID).toEqual({ F: { R058: 2 } });
    expect(json.Meta.R058.upper_fence).toBeLessThan(2);
  });

  it("skips the indicator when Q1, Q3 and the IQR are all 0", () => {
    const releases = ["A", "B", "C", "D", "E", "F"].map((o) => rel(o, 100, 100)).concat(rel("G", 100, 200));
    expect(run("[R058]", releases).json).toEqual({});
  });

  it("excludes pending awards, joint bids and a winner that is not the lowest bid", () => {
    const { json } = run("[R058]\nthreshold = 0.1", [
      rel("Pending", 1, 100, { awards: [award("W"), award("L", "invalid")] }),
      rel("Joint", 1, 100, { bids: { details: [bid(["W", "X"], "valid", 1), bid("L", "valid", 100)] } }),
      rel("NotLowest", 100, 1),
    ]);
    expect(json).toEqual({});
  });

  it("excludes several active awards and awards to several suppliers", () => {
    const { json } = run("[R058]\nthreshold = 0.1", [
      rel("Two", 1, 100, { awards: [award("W"), award("L")] }),
      rel("Consortium", 1, 100, { awards: [award(["W", "X"])] }),
      rel("Flagged", 1, 100),
    ]);
    expect(json.OCID).toEqual({ Flagged: { R058: 99 } });
  });

  it("compares prices only for the listed procurement method details, and only in the main currency", () => {
    const ini = "price_comparison_procurement_methods = Reverse Auction|Open Tender\n[R058]\nthreshold = 0.1";
    const euro = { status: "valid", tenderers: [{ id: "E" }], value: { amount: 500, currency: "EUR" } };
    const { json } = run(ini, [
      rel("Listed", 1, 100, { tender: { procurementMethodDetails: "Open Tender" } }),
      rel("Unlisted", 1, 100, { tender: { procurementMethodDetails: "Random Selection" } }),
      rel("NoDetails", 1, 100),
      rel("Euro", 1, 100, {
        tender: { procurementMethodDetails: "Reverse Auction" },
        bids: { details: [bid("W", "valid", 1), bid("L", "valid", 100), euro] },
      }),
    ]);
    expect(json).toEqual({ OCID: { Listed: { R058: 99 } }, Tenderer: { W: { R058: 0 } } });
  });
});
