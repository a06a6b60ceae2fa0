import { describe, expect, it } from "vitest";
import { award, run } from "../../../test/flags/run.ts";

const direct = (
  ocid: string,
  buyer: string,
  supplier: string,
  amount: number,
  date = "2025-06-01T00:00:00Z",
) => ({
  ocid,
  buyer: { id: buyer },
  tender: { procurementMethod: "direct", procuringEntity: { id: buyer } },
  awards: [award(supplier, "active", { date, value: { amount, currency: "GBP" } })],
});
const open = (ocid: string, amount: number, start = "2025-02-01T00:00:00Z") => ({
  ocid,
  tender: {
    procurementMethod: "open",
    tenderPeriod: { startDate: start },
    value: { amount, currency: "GBP" },
  },
});

describe("R055 large total of direct awards", () => {
  it("flags a buyer and supplier whose direct awards add up to the threshold", () => {
    const ini = "[R055]\nthreshold = 100000\nstart_date = 2025-01-01\nend_date = 2025-12-31";
    const { json, result } = run(ini, [
      direct("1", "B", "S", 60000),
      direct("2", "B", "S", 40000),
      direct("3", "B", "T", 90000),
      direct("4", "B", "S", 50000, "2024-12-31T23:00:00Z"),
    ]);
    expect(json).toEqual({
      Buyer: { B: { R055: 100000 } },
      ProcuringEntity: { B: { R055: 100000 } },
      Tenderer: { S: { R055: 100000 } },
    });
    expect(result.flags[0]).toMatchObject({
      threshold: 100000,
      comparison: ">=",
      values: { supplier: "S", directAwards: 2 },
    });
  });

  it("defaults the threshold to the lowest open procedure in the period, and the period to the last 365 days", () => {
    const { json } = run(
      "[R055]",
      [
        open("o1", 80000),
        open("o2", 50000, "2023-01-01T00:00:00Z"),
        direct("1", "B", "S", 40000),
        direct("2", "B", "S", 40000),
      ],
      { meta: true, today: "2025-12-31" },
    );
    expect(json.Buyer).toEqual({ B: { R055: 80000 } });
    expect(json.Meta.R055).toEqual({ lower_open_amount: 80000 });
  });

  it("ignores non-direct processes, awards to several suppliers, other currencies and no threshold", () => {
    const ini = "currency = GBP\n[R055]\nthreshold = 1\nstart_date = 2025-01-01\nend_date = 2025-12-31";
    const { json } = run(ini, [
      { ...direct("1", "B", "S", 5), tender: { procurementMethod: "limited" } },
      direct("2", "B", ["S", "T"] as unknown as string, 5),
      {
        ...direct("3", "B", "S", 5),
        awards: [award("S", "active", { date: "2025-06-01", value: { amount: 5, currency: "EUR" } })],
      },
    ]);
    expect(json).toEqual({});
    expect(run("[R055]", [direct("1", "B", "S", 5)], { today: "2025-12-31" }).json).toEqual({});
  });
});
