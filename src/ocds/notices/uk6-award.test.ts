import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors, supplier } from "../../../test/ocds/notice-fixture.ts";
import { uk6Award } from "./uk6-award.ts";

describe("UK6 contract award notice", () => {
  const input = {
    ctx: ctx("2015-08-03T09:00:00Z"),
    awardId: "fphr-award-1",
    title: "Finance, procurement and HR services",
    suppliers: [supplier],
    value: { pence: 23_450_000_000 },
    awardDate: "2015-08-03",
    standstillEnd: "2015-08-13",
  };

  it("is an award release with a pending award, the supplier as a party and the standstill end", () => {
    const r = uk6Award(input);
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK6",
      date: "2015-08-03T09:00:00Z",
      tag: ["award"],
      initiationType: "tender",
      language: "en",
      parties: [
        buyerParty,
        {
          id: "GB-COH-09506232",
          name: "Shared Services Connected Ltd",
          identifier: { scheme: "GB-COH", id: "09506232", legalName: "Shared Services Connected Ltd" },
          roles: ["supplier"],
        },
      ],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      awards: [
        {
          id: "fphr-award-1",
          title: "Finance, procurement and HR services",
          status: "pending",
          date: "2015-08-03T00:00:00Z",
          value: { amount: 234500000, currency: "GBP" },
          suppliers: [{ id: "GB-COH-09506232", name: "Shared Services Connected Ltd" }],
          documents: [
            {
              id: "ocds-b5fd17-met-fphr-UK6-notice",
              documentType: "awardNotice",
              noticeType: "UK6",
              datePublished: "2015-08-03T09:00:00Z",
              description: "Standstill period ends 2015-08-13",
            },
          ],
        },
      ],
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("needs a supplier and a standstill that ends after the award", () => {
    expect(() => uk6Award({ ...input, suppliers: [] })).toThrow(
      "a contract award notice needs at least one supplier",
    );
    expect(() => uk6Award({ ...input, standstillEnd: "2015-08-03" })).toThrow(
      "the standstill period must end after the award date",
    );
  });
});
