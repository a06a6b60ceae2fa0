import { describe, expect, it } from "vitest";
import { dateOrder } from "./date-order.ts";

describe("dates in order from tender to contract", () => {
  it("passes tender -> award -> contract in order", () => {
    expect(
      dateOrder.run({
        ocid: "o",
        tender: { tenderPeriod: { startDate: "2020-01-01T00:00:00Z" } },
        awards: [{ id: "a", date: "2020-03-01T00:00:00Z" }],
        contracts: [{ id: "c", awardID: "a", dateSigned: "2020-03-15T00:00:00Z" }],
      }),
    ).toEqual([]);
  });

  it("flags an award before the tender and a contract signed before its award", () => {
    expect(
      dateOrder.run({
        ocid: "o",
        tender: { datePublished: "2020-02-01T00:00:00Z" },
        awards: [{ id: "a", date: "2020-01-15T00:00:00Z" }],
        contracts: [
          { id: "c", awardID: "a", dateSigned: "2020-01-10T00:00:00Z" },
          { id: "d", awardID: "none", dateSigned: "2020-01-01" },
        ],
      }),
    ).toEqual([
      {
        ocid: "o",
        path: "$.awards[0].date",
        message: "award date 2020-01-15T00:00:00Z is before the tender publication",
      },
      {
        ocid: "o",
        path: "$.contracts[0].dateSigned",
        message: "contract signed 2020-01-10T00:00:00Z, before its award a was decided",
      },
      {
        ocid: "o",
        path: "$.contracts[1].dateSigned",
        message: "contract signed 2020-01-01, before the tender publication",
      },
    ]);
  });
});
