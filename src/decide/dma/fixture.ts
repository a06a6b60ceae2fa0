/** A small, valid delivery model assessment for the tests (invented scores). */
import type { DeliveryModelAssessment } from "./types.ts";

export function example(): DeliveryModelAssessment {
  return {
    service: "payroll",
    options: [
      { id: "in-house", type: "in-house" },
      {
        id: "shared",
        type: "shared-service",
        returnInHouse: {
          cost: 150_000_000,
          timeMonths: 18,
          assets: "payroll data export; licences novated",
          people: "TUPE back",
        },
      },
    ],
    criteria: [
      { id: "control", name: "Control and accountability", kind: "strategic", weight: 3 },
      { id: "cost", name: "Whole-life cost", kind: "operational", weight: 1 },
    ],
    scores: [
      { option: "in-house", criterion: "control", score: 4, evidence: "board paper 12" },
      { option: "in-house", criterion: "cost", score: 2, evidence: "should-cost model v3" },
      { option: "shared", criterion: "control", score: 2, evidence: "market engagement notes" },
      { option: "shared", criterion: "cost", score: 5, evidence: "should-cost model v3" },
    ],
  };
}
