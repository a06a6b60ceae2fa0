/**
 * Contract management in the API: the events of a live contract that the register lacks and the
 * Procurement Act 2023 notices are built from (KPIs, performance ratings, changes, termination).
 * Events are seen by everyone once published, and recorded by the contract side; every write
 * names its reason, kept in the audit trail. The scale of ratings, the reasons a contract ends and
 * the UK10 threshold are src/manage's.
 */
import { z } from "zod";
import { RATINGS } from "../manage/rating.ts";
import { TERMINATION_REASONS } from "../manage/termination.ts";
import { MAX_PENCE } from "../shared/money.ts";
import { defineOperation } from "./operation.ts";
import { ANYONE, CONTRACT_SIDE } from "./roles.ts";

/** Why a change is made: required on every write, kept in the audit trail. */
export const Reason = z.string().min(1).describe("Why the change is made; kept in the audit trail");
/** An ISO calendar date. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Money in integer pence, 0 or more. */
export const Pence = z.number().int().min(0).max(MAX_PENCE).describe("Money in integer pence");

export const RatingValue = z.enum(
  RATINGS as readonly [(typeof RATINGS)[number], ...(typeof RATINGS)[number][]],
);
export const TerminationReason = z.enum(
  TERMINATION_REASONS as readonly [
    (typeof TERMINATION_REASONS)[number],
    ...(typeof TERMINATION_REASONS)[number][],
  ],
);

const ContractIdParams = z.object({ id: z.string() });

export const Kpi = z.object({
  id: z.string(),
  contractId: z.string(),
  title: z.string(),
  description: z.string(),
  target: z.string(),
  published: z.boolean(),
  demo: z.boolean(),
});
export type Kpi = z.infer<typeof Kpi>;

export const KpiRating = z.object({
  id: z.string().describe("<kpiId>@<periodEnd>: one rating per KPI and period"),
  contractId: z.string(),
  kpiId: z.string(),
  periodEnd: z.string(),
  rating: RatingValue,
  explanation: z.string(),
  published: z.boolean(),
  demo: z.boolean(),
});
export type KpiRating = z.infer<typeof KpiRating>;

export const ContractChange = z.object({
  id: z.string(),
  contractId: z.string(),
  changedOn: z.string(),
  works: z.boolean(),
  valueBeforePence: z.number().int(),
  valueAfterPence: z.number().int(),
  startDate: z.string(),
  endBefore: z.string(),
  endAfter: z.string(),
  description: z.string(),
  rationale: z.string(),
  published: z.boolean(),
  demo: z.boolean(),
  noticeRequired: z.boolean().describe("Whether the change needs a contract change notice (UK10)"),
  noticeReasons: z.array(z.string()).describe("Why: each move beyond its threshold"),
});
export type ContractChange = z.infer<typeof ContractChange>;

export const Termination = z.object({
  contractId: z.string(),
  terminatedOn: z.string(),
  reason: TerminationReason,
  explanation: z.string(),
  totalPaidPence: z.number().int(),
  published: z.boolean(),
  demo: z.boolean(),
});
export type Termination = z.infer<typeof Termination>;

export const ContractEvents = z.object({
  kpis: z.array(Kpi),
  ratings: z.array(KpiRating),
  changes: z.array(ContractChange),
  termination: Termination.nullable(),
});
export type ContractEvents = z.infer<typeof ContractEvents>;

export const KpiBody = z
  .object({
    reason: Reason,
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string().optional(),
    target: z.string().optional(),
    published: z.boolean().optional(),
  })
  .strict();
export type KpiBody = z.infer<typeof KpiBody>;

export const RatingBody = z
  .object({
    reason: Reason,
    kpiId: z.string().min(1),
    periodEnd: IsoDate,
    rating: RatingValue,
    explanation: z.string().optional(),
    published: z.boolean().optional(),
  })
  .strict();
export type RatingBody = z.infer<typeof RatingBody>;

export const ChangeBody = z
  .object({
    reason: Reason,
    id: z.string().min(1),
    changedOn: IsoDate,
    works: z.boolean().optional(),
    valueBeforePence: Pence,
    valueAfterPence: Pence,
    startDate: IsoDate,
    endBefore: IsoDate,
    endAfter: IsoDate,
    description: z.string().min(1),
    rationale: z.string().min(1),
    published: z.boolean().optional(),
  })
  .strict();
export type ChangeBody = z.infer<typeof ChangeBody>;

export const TerminationBody = z
  .object({
    reason: Reason,
    terminatedOn: IsoDate,
    endReason: TerminationReason.describe("How the contract ended"),
    explanation: z.string().optional(),
    totalPaidPence: Pence,
    published: z.boolean().optional(),
  })
  .strict();
export type TerminationBody = z.infer<typeof TerminationBody>;

export const listContractEvents = defineOperation({
  operationId: "listContractEvents",
  method: "GET",
  path: "/contracts/:id/events",
  summary: "A contract's KPIs, performance ratings, changes and termination",
  tags: ["manage"],
  roles: ANYONE,
  params: ContractIdParams,
  response: ContractEvents,
});

export const createKpi = defineOperation({
  operationId: "createKpi",
  method: "POST",
  path: "/contracts/:id/kpis",
  summary: "Record a key performance indicator of a contract (Procurement Act 2023 s.52)",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: KpiBody,
  status: 201,
  errors: ["duplicate_id"],
  response: Kpi,
});

export const createRating = defineOperation({
  operationId: "createRating",
  method: "POST",
  path: "/contracts/:id/ratings",
  summary: "Rate a KPI for a period: good, approachingTarget, requiresImprovement, inadequate or other",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: RatingBody,
  status: 201,
  errors: ["conflict"],
  response: KpiRating,
});

export const createChange = defineOperation({
  operationId: "createChange",
  method: "POST",
  path: "/contracts/:id/changes",
  summary: "Record a contract change: value and term before and after",
  description:
    "The answer says whether the change needs a contract change notice (UK10): value up or down by more than 10% (15% for works) or term by more than 10%.",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: ChangeBody,
  status: 201,
  errors: ["duplicate_id"],
  response: ContractChange,
});

export const recordTermination = defineOperation({
  operationId: "recordTermination",
  method: "POST",
  path: "/contracts/:id/termination",
  summary: "Record that a contract ended, how, and the total paid",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: TerminationBody,
  status: 201,
  errors: ["conflict"],
  response: Termination,
});
