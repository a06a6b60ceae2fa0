import { describe, expect, it } from "vitest";
import { periodOrder } from "./period-order.ts";

describe("period start before end", () => {
  it("finds every period that ends before it starts, at any depth", () => {
    const f = periodOrder.run({
      ocid: "ocds-x-1",
      tender: { tenderPeriod: { startDate: "2020-02-01T00:00:00Z", endDate: "2020-01-01T00:00:00Z" } },
      contracts: [
        { id: "c1", period: { startDate: "2020-01-01", endDate: "2021-01-01" } },
        { id: "c2", period: { startDate: "2021-01-01T00:00:00+01:00", endDate: "2020-12-31T00:00:00Z" } },
      ],
    });
    expect(f).toEqual([
      {
        ocid: "ocds-x-1",
        path: "$.tender.tenderPeriod",
        message: "period ends (2020-01-01T00:00:00Z) before it starts (2020-02-01T00:00:00Z)",
      },
      {
        ocid: "ocds-x-1",
        path: "$.contracts[1].period",
        message: "period ends (2020-12-31T00:00:00Z) before it starts (2021-01-01T00:00:00+01:00)",
      },
    ]);
  });

  it("compares instants, not text, and skips open or unparseable periods", () => {
    expect(
      periodOrder.run({
        ocid: "o",
        tender: { tenderPeriod: { startDate: "2020-01-01T10:00:00+02:00", endDate: "2020-01-01T09:00:00Z" } },
        awards: [
          { id: "a", contractPeriod: { startDate: "2020-01-01" } },
          { id: "b", contractPeriod: { startDate: "soon", endDate: "2019-01-01" } },
        ],
      }),
    ).toEqual([]);
  });
});
