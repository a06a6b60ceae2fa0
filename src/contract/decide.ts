/**
 * Decide's part of the API contract: the stored decision documents (appraisal cases, delivery
 * model assessments, workforce impacts, capability self-assessments, payment profiles), the gate
 * events, and the engine's results over them, each operation with its request and response
 * schemas. A document is stored in the engine's file form exactly as given (validated by the
 * engine's own schema, src/decide/*-schema.ts, on the way in), so its type here is that schema's
 * input type; results are declared field by field, as the engine reports them (money as decimal
 * pounds, strings to the penny), so only what is declared here leaves the server.
 */
import { z } from "zod";
import { CAPABILITY_AREAS, type CapabilityAreaId } from "../decide/capability/areas.ts";
import type { capabilitySchema } from "../decide/capability/capability-schema.ts";
import type { caseSchema } from "../decide/case/case-schema.ts";
import type { dmaSchema } from "../decide/dma/dma-schema.ts";
import { OPTION_TYPES } from "../decide/dma/types.ts";
import type { contractSchema } from "../decide/horizon/contract-schema.ts";
import type { workforceSchema } from "../decide/workforce/workforce-schema.ts";
import { IdParams, isoDate, Publication, PublicationBody, reason, slug } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { Contract } from "./records.ts";
import { ANYONE, COMMERCIAL, type Role } from "./roles.ts";

// ---- shared pieces ----

/** What a stored document holds (the table's `kind`). */
export const DECIDE_KINDS = ["appraisal", "dma", "workforce", "capability", "horizon"] as const;
export const DecideKind = z.enum(DECIDE_KINDS);
export type DecideKind = z.infer<typeof DecideKind>;

const slugParams = z.object({ id: slug });
const subjectQuery = z
  .object({ serviceId: z.string().optional(), contractId: z.string().optional() })
  .strict();
/** Largest Monte Carlo run answered on request. */
export const MAX_ITERATIONS = 200_000;
const appraisalQuery = z
  .object({
    seed: z.number().int().min(0).optional().describe("Monte Carlo seed"),
    iterations: z.number().int().min(1).max(MAX_ITERATIONS).optional(),
  })
  .strict();

/** Decimal pounds to the penny, as the engine reports money: "-308929869.37". */
const pounds = z.string().describe("Decimal pounds to the penny");

/** What every decide check reports: the engine's Finding (src/decide/finding.ts). */
export const Finding = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  path: z.string().describe("Where, as a JSON path into the checked data"),
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * The engine's file form of each kind, as stored (its schema is in schema/decide/*.schema.json
 * and src/decide/*-schema.ts): typed here by the engine's schema, sent as stored.
 */
const file = <T>(label: string, schemaFile: string) =>
  z.custom<T>(() => true).describe(`The ${label} in the engine's file form (${schemaFile})`);
export const DocumentFiles = {
  appraisal: file<z.input<typeof caseSchema>>("appraisal case", "schema/decide/case.schema.json"),
  dma: file<z.input<typeof dmaSchema>>("delivery model assessment", "schema/decide/dma.schema.json"),
  workforce: file<z.input<typeof workforceSchema>>("workforce impact", "schema/decide/workforce.schema.json"),
  capability: file<z.input<typeof capabilitySchema>>(
    "capability self-assessment",
    "schema/decide/capability.schema.json",
  ),
  horizon: file<z.input<typeof contractSchema>>("payment profile", "schema/decide/contract.schema.json"),
} as const;

const documentFields = {
  id: z.string(),
  serviceId: z.string().nullable(),
  contractId: z.string().nullable(),
  title: z.string(),
  published: z.boolean(),
  demoFields: z.array(z.string()).describe("Fields whose values are demo data, not sourced"),
  source: z.string(),
  updatedAt: z.string().describe("When it was last written, ISO 8601 UTC"),
};

const storedDocument = <K extends DecideKind>(kind: K) =>
  z.object({ kind: z.literal(kind), ...documentFields, document: DocumentFiles[kind] });

/** A stored document, by kind, as a read or a write of one document answers it. */
export const StoredDocument = z.discriminatedUnion("kind", [
  storedDocument("appraisal"),
  storedDocument("dma"),
  storedDocument("workforce"),
  storedDocument("capability"),
  storedDocument("horizon"),
]);
export type StoredDocument = z.infer<typeof StoredDocument>;
/** A stored document of one kind. */
export type DocumentOfKind<K extends DecideKind> = Extract<StoredDocument, { kind: K }>;

// ---- results (the engine's) ----

const MoneySummary = z.object({ mean: pounds, p10: pounds, p50: pounds, p90: pounds });
export type MoneySummary = z.infer<typeof MoneySummary>;

const switchPoint = z
  .object({ factor: z.number(), to: z.string(), inputValue: z.number().optional() })
  .nullable();

/** The engine's appraisal report (src/decide/case/run-case.ts CaseReport). */
export const AppraisalResult = z.object({
  name: z.string(),
  discounting: z.union([z.literal("green-book"), z.object({ rate: z.number() })]),
  lastYear: z.number().int(),
  preferred: z.string(),
  baseline: z.string().nullable(),
  options: z.array(
    z.object({
      id: z.string(),
      name: z.string().optional(),
      pvCosts: pounds,
      pvBenefits: pounds,
      npv: pounds,
      bcr: z.number().nullable(),
      pvOptimismBias: pounds,
      optimismBiasUplift: z.number().nullable(),
      pvByCategory: z.record(z.string(), pounds),
      cashCosts: pounds,
      cashBenefits: pounds,
      pvSavings: pounds.nullable(),
      cashSavings: pounds.nullable(),
    }),
  ),
  switchingValues: z.array(
    z.object({
      driver: z.string(),
      label: z.string(),
      npvZero: z.array(z.object({ option: z.string(), factor: z.number().nullable() })),
      preferredChangesDown: switchPoint,
      preferredChangesUp: switchPoint,
    }),
  ),
  discountRate: z.object({
    preferredFrom: z.array(z.object({ rate: z.number(), option: z.string() })),
    npvZero: z.array(z.object({ option: z.string(), rate: z.number().nullable() })),
  }),
  sensitivity: z.object({
    option: z.string(),
    rows: z.array(
      z.object({
        driver: z.string(),
        label: z.string(),
        lowFactor: z.number(),
        highFactor: z.number(),
        npvLow: pounds,
        npvHigh: pounds,
        swing: pounds,
      }),
    ),
  }),
  savingsTarget: z.object({ amount: pounds, basis: z.enum(["cash", "pv"]) }).nullable(),
  monteCarlo: z
    .object({
      iterations: z.number().int(),
      seed: z.number().int(),
      correlated: z.boolean(),
      options: z.array(
        z.object({
          id: z.string(),
          npv: MoneySummary,
          probabilityNpvPositive: z.number(),
          pvSavings: MoneySummary.nullable(),
          cashSavings: MoneySummary.nullable(),
          probabilityMeetsTarget: z.number().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type AppraisalResult = z.infer<typeof AppraisalResult>;

/** The engine's delivery model assessment with the options, criteria and scores it weighed. */
export const DmaResult = z.object({
  service: z.string(),
  ranking: z.array(
    z.object({
      id: z.string(),
      type: z.enum(OPTION_TYPES),
      weighted: z.number(),
      strategic: z.number().nullable(),
      operational: z.number().nullable(),
    }),
  ),
  recommended: z.string().nullable(),
  valid: z.boolean(),
  findings: z.array(Finding),
  options: z.array(
    z.object({
      id: z.string(),
      type: z.enum(OPTION_TYPES),
      name: z.string().optional(),
      returnInHouse: z
        .object({
          cost: z.number().int().optional().describe("Integer pence, one-off"),
          timeMonths: z.number().optional(),
          assets: z.string().optional(),
          people: z.string().optional(),
        })
        .optional(),
    }),
  ),
  criteria: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(["strategic", "operational"]),
      weight: z.number(),
    }),
  ),
  scores: z.array(
    z.object({ option: z.string(), criterion: z.string(), score: z.number(), evidence: z.string() }),
  ),
});
export type DmaResult = z.infer<typeof DmaResult>;

/** The engine's workforce summary (src/decide/workforce/summary.ts). */
export const WorkforceResult = z.object({
  service: z.string(),
  postsInScope: z.number(),
  transferred: z.number(),
  retained: z.number(),
  redundant: z.number(),
  relocatedTotal: z.number(),
  shareTransferred: z.number(),
  shareRetained: z.number(),
  shareRedundant: z.number(),
  shareRelocated: z.number(),
  relocatedByLocation: z.array(z.object({ location: z.string(), posts: z.number() })),
  zeroHours: z.object({
    status: z.enum(["yes", "no", "not-declared"]),
    source: z.string().optional(),
    date: z.string().optional(),
  }),
  findings: z.array(Finding),
});
export type WorkforceResult = z.infer<typeof WorkforceResult>;

/** The NAO framework's area ids, from the engine's list. */
const CAPABILITY_AREA_IDS = CAPABILITY_AREAS.map((a) => a.id) as [CapabilityAreaId, ...CapabilityAreaId[]];

/** The engine's capability summary (src/decide/capability/assess.ts) with the body assessed. */
export const CapabilityResult = z.object({
  body: z.string(),
  areas: z.array(
    z.object({
      area: z.enum(CAPABILITY_AREA_IDS),
      name: z.string(),
      score: z.number().nullable(),
      maturity: z.string().nullable(),
      evidenced: z.boolean(),
    }),
  ),
  mean: z.number().nullable(),
  weakest: z.array(z.enum(CAPABILITY_AREA_IDS)),
  notAssessed: z.array(z.enum(CAPABILITY_AREA_IDS)),
  findings: z.array(Finding),
});
export type CapabilityResult = z.infer<typeof CapabilityResult>;

/** The engine's accountability horizon (src/decide/horizon/horizon-json.ts) and where its elections came from. */
export const HorizonResult = z.object({
  contract: z.string(),
  body: z.string(),
  start: z.string(),
  end: z.string(),
  total: pounds,
  decidingAdministration: z.string().nullable(),
  administrations: z.array(
    z.object({
      index: z.number().int(),
      from: z.string(),
      to: z.string(),
      label: z.string(),
      committed: pounds,
      shareOfContract: z.number(),
      shareOfBudget: z.number().nullable(),
      shareOfContractSpend: z.number().nullable(),
      role: z.enum(["before-decision", "deciding", "bound"]),
    }),
  ),
  administrationsBound: z.number().int(),
  shareAfterDecidingTerm: z.number(),
  breakPoints: z.array(
    z.object({
      date: z.string(),
      label: z.string().nullable(),
      terminationCost: pounds,
      paymentsAfter: pounds,
      paymentsBefore: pounds,
      administrationsBoundIfLeft: z.number().int(),
      administration: z.string().nullable(),
    }),
  ),
  unallocated: pounds,
  electionsFrom: z.string().describe('"elections table (london-mayor)" or "contract file"'),
});
export type HorizonResult = z.infer<typeof HorizonResult>;

/** Each kind's result schema. */
export const DocumentResults = {
  appraisal: AppraisalResult,
  dma: DmaResult,
  workforce: WorkforceResult,
  capability: CapabilityResult,
  horizon: HorizonResult,
} as const;

// ---- gates ----

const GateAction = z.enum(["start", "approve", "reject"]);

/** A gate event as stored. */
export const GateEventRecord = z.object({
  id: z.string(),
  serviceId: z.string().nullable(),
  contractId: z.string().nullable(),
  gate: z.string(),
  action: GateAction,
  date: z.string(),
  by: z.string(),
  role: z.string(),
  evidence: z.array(z.string()),
  reason: z.string().nullable().describe("Why a step is taken out of order"),
  drivers: z.array(z.string()),
  published: z.boolean(),
  demoFields: z.array(z.string()),
  source: z.string(),
  assessmentRecommends: z
    .string()
    .nullable()
    .describe("The option the gate's own assessment recommended (the DMA's top option, say)"),
  optionChosen: z.string().nullable().describe("The option the decision chose"),
});
export type GateEventRecord = z.infer<typeof GateEventRecord>;

/** A gate event with the engine's findings on it and the flags they raise. */
export const GateEventView = GateEventRecord.extend({
  flags: z.array(z.string()).describe('"not the logical order", "budget-driven"'),
  findings: z.array(Finding),
});
export type GateEventView = z.infer<typeof GateEventView>;

/** The engine's evaluation of a gate history (src/decide/gates/evaluate.ts), per event. */
export const GateHistory = z.object({
  gates: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.enum(["not-started", "in-progress", "approved", "rejected"]),
      approvedOn: z.string().nullable(),
      approvedBy: z.string().nullable(),
    }),
  ),
  current: z.string().nullable().describe("First gate not yet approved"),
  findings: z.array(Finding),
  outOfOrder: z.number().int(),
  budgetDriven: z.number().int(),
  events: z.array(GateEventView),
});
export type GateHistory = z.infer<typeof GateHistory>;

export const GateEventBody = z
  .object({
    id: slug,
    serviceId: z.string().nullable().optional(),
    contractId: z.string().nullable().optional(),
    gate: z.string().min(1),
    action: GateAction,
    date: isoDate,
    by: z.string().min(1),
    role: z.string().min(1),
    evidence: z.array(z.string()).optional(),
    reason: z.string().nullable().optional().describe("Why a step is taken out of order"),
    drivers: z.array(z.string()).optional(),
    published: z.boolean().optional().describe("Whether the public sees it (default: not yet)"),
    assessmentRecommends: z
      .string()
      .min(1)
      .nullable()
      .optional()
      .describe("The option the gate's own assessment recommended (the DMA's top option, say)"),
    optionChosen: z.string().min(1).nullable().optional().describe("The option the decision chose"),
    why: reason.describe("Why the event is recorded; kept in the audit trail"),
  })
  .strict();
export type GateEventBody = z.infer<typeof GateEventBody>;

// ---- per-kind operations ----

/** Commercial and admin write; finance may also write appraisal inputs (section 151 officer). */
export const APPRAISAL_WRITERS: readonly Role[] = [...COMMERCIAL, "finance"];

export const DocumentBody = z
  .object({
    serviceId: z.string().nullable().optional(),
    contractId: z.string().nullable().optional(),
    title: z.string().min(1),
    document: z.record(z.string(), z.unknown()).describe("The document in the engine's file form"),
    reason,
  })
  .strict();
export type DocumentBody = z.infer<typeof DocumentBody>;

/** The head of a result answer: which document it is the result of. */
const resultHead = <K extends DecideKind>(kind: K) => ({
  id: z.string(),
  kind: z.literal(kind),
  title: z.string(),
  demoFields: z.array(z.string()),
});

interface KindNames {
  segment: string;
  label: string;
  one: string;
  many: string;
}

function documentOperations<K extends DecideKind, const N extends KindNames>(
  kind: K,
  n: N,
  writers: readonly Role[],
) {
  const tags = ["decide"];
  const doc = storedDocument(kind);
  return {
    list: defineOperation({
      operationId: `list${n.many}` as `list${N["many"]}`,
      method: "GET",
      path: `/decide/${n.segment}` as `/decide/${N["segment"]}`,
      summary: `List ${n.label}s`,
      tags,
      roles: ANYONE,
      query: subjectQuery,
      response: z.array(doc),
    }),
    get: defineOperation({
      operationId: `get${n.one}` as `get${N["one"]}`,
      method: "GET",
      path: `/decide/${n.segment}/:id` as `/decide/${N["segment"]}/:id`,
      summary: `One ${n.label} as stored`,
      tags,
      roles: ANYONE,
      params: IdParams,
      response: doc,
    }),
    result: defineOperation({
      operationId: `get${n.one}Result` as `get${N["one"]}Result`,
      method: "GET",
      path: `/decide/${n.segment}/:id/result` as `/decide/${N["segment"]}/:id/result`,
      summary: `The engine's result for a ${n.label}`,
      tags,
      roles: ANYONE,
      params: IdParams,
      query: kind === "appraisal" ? appraisalQuery : z.object({}).strict(),
      response: z.object({
        ...resultHead(kind),
        result: DocumentResults[kind] as (typeof DocumentResults)[K],
      }),
      errors: ["busy"],
    }),
    put: defineOperation({
      operationId: `put${n.one}` as `put${N["one"]}`,
      method: "PUT",
      path: `/decide/${n.segment}/:id` as `/decide/${N["segment"]}/:id`,
      summary: `Create or replace a ${n.label} (validated by the engine's schema): 201 when created, 200 when replaced`,
      tags,
      roles: writers,
      params: slugParams,
      body: DocumentBody,
      response: doc,
      otherStatuses: [201],
      errors: ["unknown_reference"],
    }),
    publish: defineOperation({
      operationId: `publish${n.one}` as `publish${N["one"]}`,
      method: "POST",
      path: `/decide/${n.segment}/:id/publication` as `/decide/${N["segment"]}/:id/publication`,
      summary: `Publish or withdraw a ${n.label}`,
      tags,
      roles: writers,
      params: IdParams,
      body: PublicationBody,
      response: Publication,
    }),
  };
}

export const appraisalOperations = documentOperations(
  "appraisal",
  { segment: "appraisals", label: "appraisal case", one: "Appraisal", many: "Appraisals" },
  APPRAISAL_WRITERS,
);
export const dmaOperations = documentOperations(
  "dma",
  { segment: "dmas", label: "delivery model assessment", one: "Dma", many: "Dmas" },
  COMMERCIAL,
);
export const workforceOperations = documentOperations(
  "workforce",
  { segment: "workforce", label: "workforce impact", one: "WorkforceImpact", many: "WorkforceImpacts" },
  COMMERCIAL,
);
export const capabilityOperations = documentOperations(
  "capability",
  {
    segment: "capability",
    label: "capability self-assessment",
    one: "CapabilityAssessment",
    many: "CapabilityAssessments",
  },
  COMMERCIAL,
);
export const horizonOperations = documentOperations(
  "horizon",
  {
    segment: "horizons",
    label: "payment profile and break points",
    one: "PaymentProfile",
    many: "PaymentProfiles",
  },
  COMMERCIAL,
);

/** Each kind's operations, by kind. */
export const documentOperationsByKind = {
  appraisal: appraisalOperations,
  dma: dmaOperations,
  workforce: workforceOperations,
  capability: capabilityOperations,
  horizon: horizonOperations,
} as const;

// ---- gates, horizon of a contract, deals ----

export const listGates = defineOperation({
  operationId: "listGates",
  method: "GET",
  path: "/decide/gates",
  summary: "Gate history with the engine's status, findings and flags (not the logical order, budget-driven)",
  tags: ["decide"],
  roles: ANYONE,
  query: subjectQuery,
  response: GateHistory,
});

export const recordGateEvent = defineOperation({
  operationId: "recordGateEvent",
  method: "POST",
  path: "/decide/gate-events",
  summary: "Record a step at a gate (start, approve, reject) with evidence and drivers",
  tags: ["decide"],
  roles: COMMERCIAL,
  body: GateEventBody,
  response: GateEventRecord,
  status: 201,
  errors: ["unknown_reference", "duplicate_id"],
});

export const publishGateEvent = defineOperation({
  operationId: "publishGateEvent",
  method: "POST",
  path: "/decide/gate-events/:id/publication",
  summary: "Publish or withdraw a gate event",
  tags: ["decide"],
  roles: COMMERCIAL,
  params: IdParams,
  body: PublicationBody,
  response: Publication,
});

export const ContractHorizon = z.object({
  id: z.string(),
  contractId: z.string(),
  demoFields: z.array(z.string()),
  result: HorizonResult,
});
export type ContractHorizon = z.infer<typeof ContractHorizon>;

export const getContractHorizon = defineOperation({
  operationId: "getContractHorizon",
  method: "GET",
  path: "/decide/contracts/:id/horizon",
  summary: "Accountability horizon of a contract against the stored London mayoral elections",
  tags: ["decide"],
  roles: ANYONE,
  params: IdParams,
  response: ContractHorizon,
});

const dealDocument = <K extends DecideKind>(kind: K) =>
  storedDocument(kind).extend({ result: DocumentResults[kind] as (typeof DocumentResults)[K] });

/** A stored document with the engine's result, by kind. */
export const DealDocument = z.discriminatedUnion("kind", [
  dealDocument("appraisal"),
  dealDocument("dma"),
  dealDocument("workforce"),
  dealDocument("capability"),
  dealDocument("horizon"),
]);
export type DealDocument = z.infer<typeof DealDocument>;

/** Everything Decide holds on a contract's deal, with the engine's results. */
export const Deal = z.object({
  contract: Contract.describe("The contract the deal is about, as the register holds it"),
  documents: z.array(DealDocument),
  gates: GateHistory,
});
export type Deal = z.infer<typeof Deal>;

export const getDeal = defineOperation({
  operationId: "getDeal",
  method: "GET",
  path: "/decide/deals/:id",
  summary: "Everything Decide holds on a contract's deal, with the engine's results",
  tags: ["decide"],
  roles: ANYONE,
  params: IdParams,
  query: appraisalQuery,
  response: Deal,
  errors: ["busy"],
});

/** The operations of any one kind, as a route registers them in a loop over the kinds. */
export type KindOperations = ReturnType<typeof documentOperations<DecideKind, KindNames>>;
