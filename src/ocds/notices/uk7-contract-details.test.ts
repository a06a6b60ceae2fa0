import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors } from "../../../test/ocds/notice-fixture.ts";
import { InputError } from "../../shared/errors.ts";
import { uk7ContractDetails } from "./uk7-contract-details.ts";

const kpis = [
  { id: "kpi-1", title: "Invoices paid within 30 days", description: "At least 98% of undisputed invoices" },
  { id: "kpi-2", title: "Payroll accuracy" },
  { id: "kpi-3", title: "Recruitment time to hire" },
];
const input = {
  ctx: ctx("2015-08-20T09:00:00Z"),
  contractId: "fphr-contract-1",
  awardId: "fphr-award-1",
  title: "Finance, procurement and HR services",
  value: { pence: 23_450_000_000 },
  dateSigned: "2015-08-19",
  period: { startDate: "2015-10-01", endDate: "2022-09-30" },
  kpis,
};

describe("UK7 contract details notice", () => {
  it("is a contract release with the signed contract and its KPIs as milestones", () => {
    const r = uk7ContractDetails(input);
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK7",
      date: "2015-08-20T09:00:00Z",
      tag: ["contract"],
      initiationType: "tender",
      language: "en",
      parties: [buyerParty],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      contracts: [
        {
          id: "fphr-contract-1",
          awardID: "fphr-award-1",
          title: "Finance, procurement and HR services",
          status: "active",
          period: { startDate: "2015-10-01T00:00:00Z", endDate: "2022-09-30T23:59:59Z" },
          value: { amount: 234500000, currency: "GBP" },
          dateSigned: "2015-08-19T00:00:00Z",
          milestones: [
            {
              id: "kpi-1",
              title: "Invoices paid within 30 days",
              type: "reporting",
              code: "kpi",
              description: "At least 98% of undisputed invoices",
              status: "scheduled",
            },
            { id: "kpi-2", title: "Payroll accuracy", type: "reporting", code: "kpi", status: "scheduled" },
            {
              id: "kpi-3",
              title: "Recruitment time to hire",
              type: "reporting",
              code: "kpi",
              status: "scheduled",
            },
          ],
          documents: [
            {
              id: "ocds-b5fd17-met-fphr-UK7-notice",
              documentType: "contractNotice",
              noticeType: "UK7",
              datePublished: "2015-08-20T09:00:00Z",
            },
          ],
        },
      ],
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("refuses a contract over £5m with fewer than three KPIs", () => {
    const call = () => uk7ContractDetails({ ...input, kpis: kpis.slice(0, 2) });
    expect(call).toThrow(InputError);
    expect(call).toThrow(
      "a contract worth more than £5,000,000 needs at least 3 KPIs (Procurement Act 2023 s.52); 2 given",
    );
  });

  it("accepts exactly £5m, or less, with fewer KPIs", () => {
    expect(() => uk7ContractDetails({ ...input, value: { pence: 500_000_000 }, kpis: [] })).not.toThrow();
    const r = uk7ContractDetails({ ...input, value: { pence: 100_000 }, kpis: [] });
    expect((r.contracts as { milestones?: unknown }[])[0]!.milestones).toBeUndefined();
  });
});
