import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors } from "../../../test/ocds/notice-fixture.ts";
import { uk4Tender } from "./uk4-tender.ts";

const input = {
  ctx: ctx("2014-09-01T09:00:00Z"),
  title: "Finance, procurement and HR back-office services",
  category: "services" as const,
  procedure: "selective" as const,
  estimatedValue: { pence: 21_600_000_050 },
  tenderPeriod: { startDate: "2014-09-01T09:00:00Z", endDate: "2014-10-15T12:00:00Z" },
  cpv: [{ id: "79200000", description: "Accounting, auditing and fiscal services" }],
};

describe("UK4 tender notice", () => {
  it("is a tender release with an active tender, procedure, deadline and CPV items", () => {
    const r = uk4Tender(input);
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK4",
      date: "2014-09-01T09:00:00Z",
      tag: ["tender"],
      initiationType: "tender",
      language: "en",
      parties: [buyerParty],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      tender: {
        id: "ocds-b5fd17-met-fphr-tender",
        title: "Finance, procurement and HR back-office services",
        status: "active",
        procurementMethod: "selective",
        procurementMethodDetails: "Competitive flexible procedure",
        mainProcurementCategory: "services",
        value: { amount: 216000000.5, currency: "GBP" },
        tenderPeriod: { startDate: "2014-09-01T09:00:00Z", endDate: "2014-10-15T12:00:00Z" },
        items: [
          {
            id: "1",
            description: "Accounting, auditing and fiscal services",
            classification: {
              scheme: "CPV",
              id: "79200000",
              description: "Accounting, auditing and fiscal services",
            },
          },
        ],
        documents: [
          {
            id: "ocds-b5fd17-met-fphr-UK4-notice",
            documentType: "tenderNotice",
            noticeType: "UK4",
            datePublished: "2014-09-01T09:00:00Z",
          },
        ],
      },
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("refuses a deadline before the tender opens", () => {
    expect(() =>
      uk4Tender({
        ...input,
        tenderPeriod: { startDate: "2014-09-01T09:00:00Z", endDate: "2014-08-01T09:00:00Z" },
      }),
    ).toThrow("the deadline for tenders must be after the tender period starts");
  });
});
