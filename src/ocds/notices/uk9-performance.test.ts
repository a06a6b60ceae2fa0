import { describe, expect, it } from "vitest";
import { buyerParty, ctx, schemaErrors } from "../../../test/ocds/notice-fixture.ts";
import { type Rating, uk9Performance } from "./uk9-performance.ts";

describe("UK9 contract performance notice", () => {
  it("rates each KPI and maps the rating to a milestone status", () => {
    const r = uk9Performance({
      ctx: ctx("2016-10-15T09:00:00Z"),
      contractId: "fphr-contract-1",
      awardId: "fphr-award-1",
      periodEnd: "2016-09-30",
      assessments: [
        { kpiId: "kpi-1", rating: "good" },
        { kpiId: "kpi-2", rating: "approachingTarget" },
        { kpiId: "kpi-3", rating: "requiresImprovement" },
        { kpiId: "kpi-4", rating: "inadequate" },
        { kpiId: "kpi-5", rating: "other", explanation: "Not measured: system migration" },
      ],
    });
    const milestone = (id: string, rating: Rating, status?: string, description?: string) => ({
      id,
      ...(status ? { status } : {}),
      dateModified: "2016-09-30T23:59:59Z",
      performanceRating: rating,
      ...(description ? { description } : {}),
    });
    expect(r).toStrictEqual({
      ocid: "ocds-b5fd17-met-fphr",
      id: "ocds-b5fd17-met-fphr-UK9",
      date: "2016-10-15T09:00:00Z",
      tag: ["implementation"],
      initiationType: "tender",
      language: "en",
      parties: [buyerParty],
      buyer: { id: "GB-GOR-PB1207", name: "Mayor's Office for Policing and Crime" },
      contracts: [
        {
          id: "fphr-contract-1",
          awardID: "fphr-award-1",
          milestones: [
            milestone("kpi-1", "good", "met"),
            milestone("kpi-2", "approachingTarget", "partiallyMet"),
            milestone("kpi-3", "requiresImprovement", "notMet"),
            milestone("kpi-4", "inadequate", "notMet"),
            milestone("kpi-5", "other", undefined, "Not measured: system migration"),
          ],
          documents: [
            {
              id: "ocds-b5fd17-met-fphr-UK9-notice",
              documentType: "physicalProgressReport",
              noticeType: "UK9",
              datePublished: "2016-10-15T09:00:00Z",
              description: "Performance to 2016-09-30",
            },
          ],
        },
      ],
    });
    expect(schemaErrors(r)).toEqual([]);
  });

  it("refuses an unknown rating and an unexplained 'other'", () => {
    const base = {
      ctx: ctx("2016-10-15T09:00:00Z"),
      contractId: "c",
      awardId: "a1",
      periodEnd: "2016-09-30",
    };
    expect(() =>
      uk9Performance({ ...base, assessments: [{ kpiId: "k", rating: "excellent" as Rating }] }),
    ).toThrow(
      'expected a rating of good, approachingTarget, requiresImprovement, inadequate, other, got "excellent"',
    );
    expect(() => uk9Performance({ ...base, assessments: [{ kpiId: "k", rating: "other" }] })).toThrow(
      'a rating of "other" needs an explanation',
    );
  });
});
