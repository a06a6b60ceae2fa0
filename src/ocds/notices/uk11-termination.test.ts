import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors } from "../../../test/ocds/notice-fixture.ts";
import { uk11Termination } from "./uk11-termination.ts";

describe("UK11 contract termination notice", () => {
  it("is a contractTermination release marking the contract terminated, with reason and total paid", () => {
    const r = uk11Termination({
      ctx: ctx("2027-10-15T09:00:00Z"),
      contractId: "fphr-contract-1",
      awardId: "fphr-award-1",
      contractStart: "2015-10-01",
      terminationDate: "2027-09-30",
      reason: "expiry",
      totalPaid: { pence: 23_450_000_012 },
    });
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK11",
      date: "2027-10-15T09:00:00Z",
      tag: ["contractTermination"],
      initiationType: "tender",
      language: "en",
      parties: [buyerParty],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      contracts: [
        {
          id: "fphr-contract-1",
          awardID: "fphr-award-1",
          status: "terminated",
          period: { endDate: "2027-09-30T23:59:59Z" },
          implementation: {
            transactions: [
              {
                id: "fphr-contract-1-total-paid",
                date: "2027-10-15T09:00:00Z",
                value: { amount: 234500000.12, currency: "GBP" },
              },
            ],
          },
          documents: [
            {
              id: "ocds-b5fd17-met-fphr-UK11-notice",
              documentType: "contractNotice",
              noticeType: "UK11",
              datePublished: "2027-10-15T09:00:00Z",
              description: "Contract expired",
            },
          ],
        },
      ],
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("refuses a termination before the start, and 'other' without an explanation", () => {
    const base = {
      ctx: ctx("2016-01-01T00:00:00Z"),
      contractId: "c",
      awardId: "a1",
      contractStart: "2015-10-01",
      totalPaid: { pence: 0 },
    };
    expect(() => uk11Termination({ ...base, terminationDate: "2015-09-01", reason: "breach" })).toThrow(
      "the termination date is before the contract started",
    );
    expect(() => uk11Termination({ ...base, terminationDate: "2016-01-01", reason: "other" })).toThrow(
      'a termination for "other" reasons needs an explanation',
    );
  });
});
