import { describe, expect, it } from "vitest";
import { bid, run } from "../../../test/flags/run.ts";

describe("R028 identical bid prices", () => {
  it("flags a process where different tenderers bid the same price, and those tenderers", () => {
    const { json } = run(
      "[R028]",
      [
        {
          ocid: "F",
          bids: { details: [bid("D", "disqualified", 10), bid("V", "valid", 10), bid("X", "valid", 11)] },
        },
        { ocid: "N", bids: { details: [bid("A", "valid", 10), bid("B", "valid", 11)] } },
        { ocid: "Same", bids: { details: [bid("A", "valid", 10), bid("A", "valid", 10)] } },
      ],
      { map: true },
    );
    expect(json.OCID).toEqual({ F: { R028: 1 } });
    expect(json.Tenderer).toEqual({ D: { R028: 1 }, V: { R028: 1 } });
    expect(json.Maps.ocid_tenderer_r028).toEqual({ F: ["D", "V"] });
  });

  it("ignores bids that were not submitted", () => {
    const { json } = run("[R028]", [
      { ocid: "W", bids: { details: [bid("A", "withdrawn", 10), bid("B", "valid", 10)] } },
    ]);
    expect(json).toEqual({});
  });

  it("excludes processes whose prices the buyer predetermines", () => {
    const ini = "price_comparison_procurement_methods = Reverse Auction\n[R028]";
    const same = { details: [bid("A", "valid", 10), bid("B", "valid", 10)] };
    const { json } = run(ini, [
      { ocid: "Fixed", tender: { procurementMethodDetails: "Fixed price" }, bids: same },
      { ocid: "Unset", bids: same },
      { ocid: "Auction", tender: { procurementMethodDetails: "Reverse Auction" }, bids: same },
    ]);
    expect(json.OCID).toEqual({ Auction: { R028: 1 } });
  });

  it("compares amount and currency, and the set of tenderers of each bid", () => {
    const usd = (t: string[], a: number, currency = "USD") => ({
      status: "valid",
      tenderers: t.map((id) => ({ id })),
      value: { amount: a, currency },
    });
    const { json } = run("[R028]", [
      { ocid: "Currency", bids: { details: [usd(["A"], 5), usd(["B"], 5, "CAD")] } },
      { ocid: "SameSet", bids: { details: [usd(["A", "B"], 5), usd(["B", "A"], 5)] } },
      {
        ocid: "NoTenderers",
        bids: { details: [usd(["A"], 5), { status: "valid", value: { amount: 5, currency: "USD" } }] },
      },
    ]);
    expect(json).toEqual({});
  });

  it("excludes the whole process when a bid is not in the main currency", () => {
    const b = (t: string, amount: number, currency: string) => ({
      status: "valid",
      tenderers: [{ id: t }],
      value: { amount, currency },
    });
    const { json } = run("currency = USD\n[R028]", [
      { ocid: "Mixed", bids: { details: [b("A", 5, "USD"), b("B", 5, "USD"), b("C", 9, "EUR")] } },
      { ocid: "Main", bids: { details: [b("A", 5, "USD"), b("B", 5, "USD")] } },
    ]);
    expect(json).toEqual({ OCID: { Main: { R028: 1 } }, Tenderer: { A: { R028: 1 }, B: { R028: 1 } } });
  });
});
