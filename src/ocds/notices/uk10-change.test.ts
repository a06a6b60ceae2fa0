import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors } from "../../../test/ocds/notice-fixture.ts";
import { type ContractTerms, changeNoticeRequired, uk10Change } from "./uk10-change.ts";

const services: ContractTerms = {
  category: "services",
  value: { pence: 10_000_000_000 },
  period: { startDate: "2015-10-01", endDate: "2025-09-30" },
};

describe("when a contract change notice is required", () => {
  it("is not for a value change of exactly 10% on services, and is above it", () => {
    expect(
      changeNoticeRequired(services, { value: { pence: 11_000_000_000 }, period: services.period }).required,
    ).toBe(false);
    const a = changeNoticeRequired(services, { value: { pence: 11_000_000_100 }, period: services.period });
    expect(a.required).toBe(true);
    expect(a.reasons).toEqual(["value changes by 10.0%, more than 10.0%"]);
  });

  it("allows up to 15% on works", () => {
    const works: ContractTerms = { ...services, category: "works" };
    expect(
      changeNoticeRequired(works, { value: { pence: 11_400_000_000 }, period: works.period }).required,
    ).toBe(false);
    expect(
      changeNoticeRequired(works, { value: { pence: 11_600_000_000 }, period: works.period }).reasons,
    ).toEqual(["value changes by 16.0%, more than 15.0% (works)"]);
  });

  it("counts reductions too, and term changes above 10%", () => {
    expect(
      changeNoticeRequired(services, { value: { pence: 8_000_000_000 }, period: services.period }).required,
    ).toBe(true);
    // Ten years extended to September 2027: two more years, 20%.
    const ext = changeNoticeRequired(services, {
      value: services.value,
      period: { startDate: "2015-10-01", endDate: "2027-09-30" },
    });
    expect(ext.required).toBe(true);
    expect(ext.reasons[0]).toMatch(/^term changes by 20\.0%/);
  });
});

describe("UK10 contract change notice", () => {
  it("is a contractAmendment release with the new value and period and the amendment", () => {
    const r = uk10Change({
      ctx: ctx("2022-06-01T09:00:00Z"),
      contractId: "fphr-contract-1",
      awardId: "fphr-award-1",
      amendmentId: "fphr-change-1",
      before: services,
      after: { value: { pence: 12_000_000_000 }, period: { startDate: "2015-10-01", endDate: "2027-09-30" } },
      rationale: "Extension while the replacement is procured",
      description: "Term extended to September 2027",
    });
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK10",
      date: "2022-06-01T09:00:00Z",
      tag: ["contractAmendment"],
      initiationType: "tender",
      language: "en",
      parties: [buyerParty],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      contracts: [
        {
          id: "fphr-contract-1",
          awardID: "fphr-award-1",
          period: { startDate: "2015-10-01T00:00:00Z", endDate: "2027-09-30T23:59:59Z" },
          value: { amount: 120000000, currency: "GBP" },
          amendments: [
            {
              id: "fphr-change-1",
              date: "2022-06-01T09:00:00Z",
              rationale: "Extension while the replacement is procured",
              description:
                "Term extended to September 2027 (value changes by 20.0%, more than 10.0%; term changes by 20.0%, more than 10.0%)",
            },
          ],
          documents: [
            {
              id: "ocds-b5fd17-met-fphr-UK10-notice",
              documentType: "contractNotice",
              noticeType: "UK10",
              datePublished: "2022-06-01T09:00:00Z",
            },
          ],
        },
      ],
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("refuses a notice for a change below the thresholds unless it is voluntary", () => {
    const input = {
      ctx: ctx("2022-06-01T09:00:00Z"),
      contractId: "c",
      awardId: "a1",
      amendmentId: "a",
      before: services,
      after: { value: { pence: 10_500_000_000 }, period: services.period },
      rationale: "r",
      description: "d",
    };
    expect(() => uk10Change(input)).toThrow(
      "no contract change notice is required: value changes by 5.0% and term by 0.0%",
    );
    expect(uk10Change({ ...input, voluntary: true }).tag).toEqual(["contractAmendment"]);
  });
});
