/**
 * Value over a contract's life in the API: savings realised against claimed, the variation
 * history against the award (append only: there is no update or delete of a variation; a
 * correction is a new version) and the exit plan with its break costs and readiness. What the
 * figures mean is src/manage's (savings.ts, variation.ts, exit.ts).
 */
import { z } from "zod";
import { REGIMES, VARIATION_KINDS } from "../manage/variation.ts";
import { IdParams, isoDate, NEGATIVE_PENCE, pence, reason } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { ANYONE, CONTRACT_SIDE, STAFF } from "./roles.ts";

const Pence = pence(0);
const SignedPence = pence(NEGATIVE_PENCE, "Money in integer pence; negative for a reduction or a shortfall");
const IndexValue = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,6})?$/)
  .describe("An index value as a decimal string, e.g. \"102.5\"");

export const SavingsRow = z.object({
  label: z.string(),
  start: z.string(),
  end: z.string(),
  when: z.enum(["past", "current", "future"]),
  claimedPence: z.number().int(),
  index: z.string(),
  baselineIndexedPence: z.number().int().describe("The in-house baseline at this year's index"),
  paymentsPence: z.number().int().nullable(),
  paymentsSource: z.enum(["recorded", "billing", "none"]),
  retainedPence: z.number().int(),
  realisedPence: z.number().int().nullable().describe("Indexed baseline less payments and retained costs"),
  variancePence: z.number().int().nullable().describe("Realised less claimed"),
  cumulativeGapPence: z.number().int().describe("Claimed to date less realised to date"),
  demo: z.boolean(),
});

export const Savings = z.object({
  contractId: z.string(),
  planned: z.boolean().describe("False when no savings plan is recorded: the rest is empty"),
  contractValuePence: z.number().int().describe("The contract's value on award"),
  committedTotalPence: z.number().int().describe("The value after every variation"),
  committedDemo: z.boolean().describe("Whether a variation's value is a demo figure"),
  indexName: z.string(),
  baseIndex: z.string(),
  baselineAnnualPence: z.number().int(),
  claimedTotalPence: z.number().int(),
  claimedByYearPence: z.number().int(),
  claimsMatchHeadline: z.boolean(),
  claimedToDatePence: z.number().int(),
  realisedToDatePence: z.number().int(),
  gapToDatePence: z.number().int(),
  source: z.string(),
  demo: z.boolean(),
  rows: z.array(SavingsRow),
});
export type Savings = z.infer<typeof Savings>;

export const SavingsPlanBody = z
  .object({
    reason,
    baselineAnnualPence: Pence,
    indexName: z.string().min(1),
    baseIndex: IndexValue,
    claimedTotalPence: Pence,
    source: z.string().optional(),
    years: z
      .array(
        z
          .object({
            label: z.string().min(1),
            start: isoDate,
            end: isoDate,
            claimedPence: Pence,
            index: IndexValue,
            paymentsPence: Pence.nullable(),
            retainedPence: Pence,
          })
          .strict(),
      )
      .max(60),
  })
  .strict();
export type SavingsPlanBody = z.infer<typeof SavingsPlanBody>;

export const AwardBaseline = z.object({
  contractId: z.string(),
  awardValuePence: z.number().int(),
  startDate: z.string(),
  awardEndDate: z.string(),
  awardMaxEndDate: z.string().describe("End of the maximum term provided for on award"),
  works: z.boolean(),
  regime: z.enum(REGIMES),
  source: z.string(),
  demo: z.boolean(),
});

export const BaselineBody = z
  .object({
    reason,
    awardValuePence: Pence,
    startDate: isoDate,
    awardEndDate: isoDate,
    awardMaxEndDate: isoDate,
    works: z.boolean(),
    regime: z.enum(REGIMES),
    source: z.string().optional(),
  })
  .strict();
export type BaselineBody = z.infer<typeof BaselineBody>;

export const Variation = z.object({
  id: z.string(),
  contractId: z.string(),
  version: z.number().int(),
  kind: z.enum(VARIATION_KINDS),
  correctsVersion: z.number().int().nullable(),
  changedOn: z.string(),
  approvedOn: z.string(),
  approvedBy: z.string(),
  reason: z.string(),
  description: z.string(),
  valueDeltaPence: z.number().int(),
  endAfter: z.string().nullable(),
  published: z.boolean(),
  demo: z.boolean(),
});

export const TimelineRow = Variation.extend({
  valueBeforePence: z.number().int(),
  valueAfterPence: z.number().int(),
  endBefore: z.string(),
  endAfterDate: z.string(),
  termDeltaDays: z.number().int(),
  valueChangeBp: z.number().int().describe("|value delta| in basis points of the award value"),
  termChangeBp: z.number().int().describe("|term delta| in basis points of the maximum term on award"),
  aggregateValueBp: z.number().int(),
  aggregateTermBp: z.number().int(),
  aggregatedVersions: z.array(z.number().int()),
  noticeRequired: z.boolean().describe("Whether a contract change notice (UK10) is needed"),
  noticeReasons: z.array(z.string()),
  illustrative: z.boolean().describe("Awarded under the Public Contracts Regulations 2015: the notice is illustrative"),
});

export const Variations = z.object({
  contractId: z.string(),
  baseline: AwardBaseline.nullable(),
  maxTermDays: z.number().int(),
  valueThresholdBp: z.number().int(),
  termThresholdBp: z.number().int(),
  currentValuePence: z.number().int(),
  currentEndDate: z.string(),
  valueChangePence: z.number().int(),
  termChangeDays: z.number().int(),
  noticesRequired: z.number().int(),
  regimeNote: z.string(),
  rows: z.array(TimelineRow),
});
export type Variations = z.infer<typeof Variations>;

export const VariationBody = z
  .object({
    reason: reason.describe("Why the variation is recorded; kept in the audit trail"),
    kind: z.enum(VARIATION_KINDS).optional(),
    correctsVersion: z.number().int().min(1).nullable().optional(),
    changedOn: isoDate,
    approvedOn: isoDate,
    approvedBy: z.string().min(1),
    changeReason: z.string().min(1).describe("The reason for the change itself"),
    description: z.string().min(1),
    valueDeltaPence: SignedPence,
    endAfter: isoDate.nullable().optional(),
    published: z.boolean().optional(),
  })
  .strict();
export type VariationBody = z.infer<typeof VariationBody>;

export const ExitPoint = z.object({
  date: z.string(),
  label: z.string(),
  kind: z.enum(["break", "end"]),
  noticeMonths: z.number().int(),
  noticeBy: z.string(),
  startBy: z.string(),
  terminationFeePence: z.number().int(),
  exitCostPence: z.number().int(),
  breakCostPence: z.number().int(),
  passed: z.boolean(),
  achievable: z.boolean(),
  demo: z.boolean(),
});

export const Exit = z.object({
  contractId: z.string(),
  planned: z.boolean(),
  plan: z
    .object({
      assets: z.string(),
      data: z.string(),
      staff: z.string(),
      staffCount: z.number().int(),
      monthsNeeded: z.number().int(),
      exitCostPence: z.number().int(),
      source: z.string(),
      demo: z.boolean(),
    })
    .nullable(),
  termEnd: z.string(),
  points: z.array(ExitPoint),
  readiness: z.object({
    nextDate: z.string().nullable(),
    nextLabel: z.string().nullable(),
    ready: z.boolean(),
    daysShort: z.number().int(),
    firstAchievableDate: z.string().nullable(),
    summary: z.string(),
  }),
});
export type Exit = z.infer<typeof Exit>;

export const ExitPlanBody = z
  .object({
    reason,
    assets: z.string().min(1),
    data: z.string().min(1),
    staff: z.string().min(1),
    staffCount: z.number().int().min(0),
    monthsNeeded: z.number().int().min(0).max(240),
    exitCostPence: Pence,
    source: z.string().optional(),
    breakPoints: z
      .array(
        z
          .object({
            date: isoDate,
            label: z.string().min(1),
            noticeMonths: z.number().int().min(0).max(240),
            terminationFeePence: Pence,
          })
          .strict(),
      )
      .max(50),
  })
  .strict();
export type ExitPlanBody = z.infer<typeof ExitPlanBody>;

export const getSavings = defineOperation({
  operationId: "getContractSavings",
  method: "GET",
  path: "/contracts/:id/savings",
  summary: "Savings realised against savings claimed, year by year, against the indexed in-house baseline",
  tags: ["manage"],
  roles: ANYONE,
  params: IdParams,
  response: Savings,
});

export const putSavingsPlan = defineOperation({
  operationId: "putContractSavingsPlan",
  method: "PUT",
  path: "/contracts/:id/savings-plan",
  summary: "Record the business case's savings plan: baseline, index and each year's claim, payments and retained costs",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: SavingsPlanBody,
  response: Savings,
});

export const getVariations = defineOperation({
  operationId: "getContractVariations",
  method: "GET",
  path: "/contracts/:id/variations",
  summary: "The variation history against the award, each version tested for a UK10 notice",
  tags: ["manage"],
  roles: ANYONE,
  params: IdParams,
  response: Variations,
});

export const putAwardBaseline = defineOperation({
  operationId: "putContractAwardBaseline",
  method: "PUT",
  path: "/contracts/:id/award-baseline",
  summary: "Record the contract as awarded (value, term, maximum term, regime); fixed once a variation exists",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: BaselineBody,
  errors: ["conflict"],
  response: AwardBaseline,
});

export const createVariation = defineOperation({
  operationId: "createContractVariation",
  method: "POST",
  path: "/contracts/:id/variations",
  summary: "Append a variation as the next version (a correction is a new version too)",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: VariationBody,
  status: 201,
  errors: ["conflict"],
  response: Variations,
});

export const getExit = defineOperation({
  operationId: "getContractExit",
  method: "GET",
  path: "/contracts/:id/exit",
  summary: "The exit plan, the cost of breaking at each break point, and whether the plan can be ready in time",
  tags: ["manage"],
  roles: STAFF,
  params: IdParams,
  response: Exit,
});

export const putExitPlan = defineOperation({
  operationId: "putContractExitPlan",
  method: "PUT",
  path: "/contracts/:id/exit-plan",
  summary: "Record the exit plan and its break points",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: IdParams,
  body: ExitPlanBody,
  errors: ["conflict"],
  response: Exit,
});
