import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors } from "../../../test/ocds/notice-fixture.ts";
import { uk1Pipeline } from "./uk1-pipeline.ts";

describe("UK1 pipeline notice", () => {
  it("is a planning release with a planned tender, estimated value and expected tender date", () => {
    const r = uk1Pipeline({
      ctx: ctx("2014-04-01T09:00:00Z"),
      title: "Finance, procurement and HR back-office services",
      category: "services",
      estimatedValue: { pence: 21_600_000_000 },
      expectedTenderDate: "2014-09-01",
      rationale: "Outline business case, market test of back-office services",
    });
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK1",
      date: "2014-04-01T09:00:00Z",
      tag: ["planning"],
      initiationType: "tender",
      language: "en",
      parties: [buyerParty],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      planning: {
        rationale: "Outline business case, market test of back-office services",
        budget: { amount: { amount: 216000000, currency: "GBP" } },
        documents: [
          {
            id: "ocds-b5fd17-met-fphr-UK1-notice",
            documentType: "plannedProcurementNotice",
            noticeType: "UK1",
            datePublished: "2014-04-01T09:00:00Z",
          },
        ],
      },
      tender: {
        id: "ocds-b5fd17-met-fphr-tender",
        title: "Finance, procurement and HR back-office services",
        status: "planned",
        mainProcurementCategory: "services",
        value: { amount: 216000000, currency: "GBP" },
        tenderPeriod: { startDate: "2014-09-01T00:00:00Z" },
      },
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("refuses an ocid without a registered prefix", () => {
    expect(() =>
      uk1Pipeline({
        ctx: ctx("2014-04-01T09:00:00Z", { ocid: "met-1" }),
        title: "x",
        category: "services",
        estimatedValue: { pence: 100 },
        expectedTenderDate: "2014-09-01",
      }),
    ).toThrow('expected an ocid with a registered prefix (ocds-xxxxxx-...), got "met-1"');
  });
});
