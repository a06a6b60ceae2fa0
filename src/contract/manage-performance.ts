/**
 * Performance and obligations in the API: KPIs with how they are measured, results per period
 * (one at a time or a CSV/XLSX file, with its template), the UK9 rating each earns, the service
 * credits that follow under the contract's regime with their working, supplier scorecards, and
 * obligations. Staff read; the contract side writes, each write naming its reason.
 */
import { z } from "zod";
import { KPI_DIRECTIONS, KPI_PERIODS, KPI_SOURCES } from "../manage/kpi.ts";
import { OBLIGATION_KINDS, RECURRENCES } from "../manage/obligation.ts";
import { REGIME_KINDS } from "../manage/service-credits.ts";
import { MAX_PENCE } from "../shared/money.ts";
import { IsoDate, Kpi, Pence, RatingValue, Reason } from "./manage.ts";
import { defineOperation } from "./operation.ts";
import { CONTRACT_SIDE, STAFF } from "./roles.ts";

const en = <T extends string>(list: readonly T[]) => z.enum(list as readonly [T, ...T[]]);
const Decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .describe("A decimal number as text, e.g. 98.5");
const ScaledRating = z.enum(["good", "approachingTarget", "requiresImprovement", "inadequate"]);
const Outcome = z.enum(["pass", "withinTolerance", "fail"]);

const ContractIdParams = z.object({ id: z.string() });

const MeasureFields = {
  targetValue: Decimal.describe("The target as a number in the KPI's unit, e.g. 98"),
  tolerance: Decimal.optional().describe("How far short still counts as within tolerance (default 0)"),
  direction: en(KPI_DIRECTIONS)
    .optional()
    .describe("higher: a higher result is better (default); lower: a lower one"),
  period: en(KPI_PERIODS),
  weight: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe("Its share of the period's rating (default 1)"),
  source: en(KPI_SOURCES).describe("Who reports the result: the supplier (self-reported) or the authority"),
  unit: z.string().max(20).optional(),
  measuredFrom: z
    .union([IsoDate, z.literal("")])
    .optional()
    .describe("First day measured (default the contract's start)"),
};

export const MeasureBody = z.object({ reason: Reason, kpiId: z.string().min(1), ...MeasureFields }).strict();
export const MeasuredKpiBody = z
  .object({
    reason: Reason,
    id: z.string().min(1),
    title: z.string().min(1),
    description: z.string().optional(),
    target: z.string().optional(),
    published: z.boolean().optional(),
    ...MeasureFields,
  })
  .strict();

export const MeasuredKpi = Kpi.extend({
  targetValue: z.string(),
  tolerance: z.string(),
  direction: en(KPI_DIRECTIONS),
  period: en(KPI_PERIODS),
  weight: z.number().int(),
  source: en(KPI_SOURCES),
  unit: z.string(),
  measuredFrom: z.string(),
});

export const KpiResult = z.object({
  id: z.string().describe("<kpiId>@<periodEnd>"),
  contractId: z.string(),
  kpiId: z.string(),
  periodEnd: z.string(),
  value: z.string(),
  source: en(KPI_SOURCES),
  verifiedBy: z
    .string()
    .describe("Who at the authority checked a supplier-reported result; empty when nobody has"),
  verifiedOn: z.string(),
  note: z.string(),
  ratingOverride: z.union([RatingValue, z.literal("")]),
  overrideReason: z.string(),
  demo: z.boolean(),
  outcome: Outcome,
  sentence: z.string().describe("The result against target and tolerance, in words with the figures"),
  computedRating: RatingValue.describe("The UK9 rating the figures give"),
  rating: RatingValue.describe("The override when there is one, else the computed rating"),
  unverified: z.boolean().describe("Reported by the supplier and never verified by the authority"),
});

export const KpiPerformance = MeasuredKpi.extend({
  measured: z.boolean().describe("false: the KPI has no numeric target, so its results cannot be judged"),
  results: z.array(KpiResult),
  overdue: z.array(z.string()).describe("Ends of periods that have ended with no result"),
  unverifiedCount: z.number().int(),
});

export const ContractPerformance = z.object({
  contractId: z.string(),
  today: z.string(),
  kpis: z.array(KpiPerformance),
  periods: z.array(
    z.object({
      periodEnd: z.string(),
      rating: ScaledRating.nullable(),
      scorePercent: z.number().int().nullable(),
      working: z.string(),
    }),
  ),
  unverifiedCount: z.number().int(),
});
export type ContractPerformance = z.infer<typeof ContractPerformance>;

export const ResultBody = z
  .object({
    reason: Reason,
    kpiId: z.string().min(1),
    periodEnd: IsoDate,
    value: Decimal,
    source: en(KPI_SOURCES).optional(),
    note: z.string().optional(),
    ratingOverride: RatingValue.optional(),
    overrideReason: z.string().optional().describe("Required with ratingOverride"),
  })
  .strict();

export const ImportBody = z
  .object({
    reason: Reason,
    fileName: z.string().min(1).max(200),
    contentBase64: z.string().min(1).describe("The CSV or XLSX file, base64-encoded"),
  })
  .strict();

export const ImportSummary = z.object({
  stored: z.number().int(),
  results: z.array(KpiResult.pick({ id: true, kpiId: true, periodEnd: true, value: true })),
});

export const Regime = z.object({
  contractId: z.string(),
  kind: en(REGIME_KINDS),
  monthlyChargePence: z.number().int(),
  creditBp: z.number().int().describe("percent regime: basis points of the monthly charge per failed KPI"),
  pointsPerFailure: z.number().int(),
  pencePerPoint: z.number().int(),
  capBp: z.number().int().describe("The most credited in a month, in basis points of the monthly charge"),
  missingCountsAsFailure: z.boolean(),
  notes: z.string(),
  demo: z.boolean(),
});

export const RegimeBody = z
  .object({
    reason: Reason,
    kind: en(REGIME_KINDS),
    monthlyChargePence: Pence,
    creditBp: z.number().int().min(0).max(10_000),
    pointsPerFailure: z.number().int().min(0).max(1_000_000),
    pencePerPoint: z.number().int().min(0).max(MAX_PENCE),
    capBp: z.number().int().min(0).max(10_000),
    missingCountsAsFailure: z.boolean().optional(),
    notes: z.string().optional(),
  })
  .strict();

export const ServiceCredits = z.object({
  contractId: z.string(),
  regime: Regime.nullable(),
  terms: z.string().describe("The regime in one sentence"),
  months: z.array(
    z.object({
      month: z.string(),
      periodEnd: z.string(),
      results: z.array(
        z.object({
          kpiId: z.string(),
          title: z.string(),
          periodEnd: z.string(),
          outcome: Outcome.nullable().describe("null: the period ended with no result"),
          sentence: z.string(),
        }),
      ),
      failed: z.array(
        z.object({
          kpiId: z.string(),
          title: z.string(),
          reason: z.enum(["failed", "missing"]),
          points: z.number().int(),
          creditPence: z.number().int(),
        }),
      ),
      grossPence: z.number().int().describe("Credits before the cap"),
      capPence: z.number().int(),
      creditPence: z.number().int().describe("Credit after the cap"),
      capped: z.boolean(),
      working: z.array(z.string()).describe("How the credit was reached, in sentences with the figures"),
    }),
  ),
  totalCreditPence: z.number().int(),
});
export type ServiceCredits = z.infer<typeof ServiceCredits>;

const ScaledOrNull = ScaledRating.nullable();
export const Scorecard = z.object({
  supplier: z.string(),
  months: z.array(z.string()),
  series: z.array(
    z.object({
      contractId: z.string(),
      contractTitle: z.string(),
      points: z.array(
        z.object({
          month: z.string(),
          scorePercent: z.number().int().nullable(),
          rating: ScaledOrNull,
          kpisRated: z.number().int(),
        }),
      ),
    }),
  ),
  latest: z
    .object({ month: z.string(), scorePercent: z.number().int().nullable(), rating: ScaledOrNull })
    .nullable(),
});
export type Scorecard = z.infer<typeof Scorecard>;

const ObligationFields = {
  id: z.string(),
  contractId: z.string(),
  kind: en(OBLIGATION_KINDS),
  title: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  recurrence: en(RECURRENCES),
  status: z.enum(["open", "done"]),
  notes: z.string(),
  demo: z.boolean(),
  state: z.enum(["open", "overdue", "done"]),
  daysLeft: z.number().int().nullable(),
};
export const Obligation = z.object({
  ...ObligationFields,
  completions: z.array(
    z.object({ dueDate: z.string(), completedOn: z.string(), evidence: z.string(), completedBy: z.string() }),
  ),
});
export type Obligation = z.infer<typeof Obligation>;
const ObligationSaved = z.object({
  id: z.string(),
  contractId: z.string(),
  kind: en(OBLIGATION_KINDS),
  title: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  recurrence: en(RECURRENCES),
  status: z.enum(["open", "done"]),
});

export const ObligationBody = z
  .object({
    reason: Reason,
    id: z.string().min(1),
    kind: en(OBLIGATION_KINDS),
    title: z.string().min(1),
    owner: z.string().min(1),
    dueDate: IsoDate,
    recurrence: en(RECURRENCES).optional(),
    notes: z.string().optional(),
  })
  .strict();

export const CompleteBody = z
  .object({
    reason: Reason,
    obligationId: z.string().min(1),
    completedOn: IsoDate,
    evidence: z.string().min(1).describe("What shows it was done"),
  })
  .strict();

// ---- operations ----

export const getContractPerformance = defineOperation({
  operationId: "getContractPerformance",
  method: "GET",
  path: "/contracts/:id/performance",
  summary:
    "A contract's KPIs with their results judged against target, UK9 ratings, overdue periods and period ratings",
  tags: ["manage"],
  roles: STAFF,
  params: ContractIdParams,
  response: ContractPerformance,
});

export const createMeasuredKpi = defineOperation({
  operationId: "createMeasuredKpi",
  method: "POST",
  path: "/contracts/:id/performance/kpis",
  summary: "Record a KPI with its target value, tolerance, period, weight and source",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: MeasuredKpiBody,
  status: 201,
  errors: ["duplicate_id"],
  response: MeasuredKpi,
});

export const setKpiMeasure = defineOperation({
  operationId: "setKpiMeasure",
  method: "PUT",
  path: "/contracts/:id/kpi-measures",
  summary: "Set how a KPI is measured: target value, tolerance, direction, period, weight, source",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: MeasureBody,
  response: MeasuredKpi,
});

export const recordKpiResult = defineOperation({
  operationId: "recordKpiResult",
  method: "POST",
  path: "/contracts/:id/kpi-results",
  summary: "Record a KPI's result for a period (optionally a rating override with its reason)",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: ResultBody,
  status: 201,
  errors: ["conflict"],
  response: KpiResult,
});

export const verifyKpiResult = defineOperation({
  operationId: "verifyKpiResult",
  method: "POST",
  path: "/contracts/:id/kpi-results/verify",
  summary: "Record that the authority checked a supplier-reported result",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: z.object({ reason: Reason, resultId: z.string().min(1).describe("<kpiId>@<periodEnd>") }).strict(),
  errors: ["conflict"],
  response: KpiResult,
});

export const importKpiResults = defineOperation({
  operationId: "importKpiResults",
  method: "POST",
  path: "/contracts/:id/kpi-results/import",
  summary: "Import KPI results from a CSV or XLSX file: all rows or none",
  description:
    "Columns: KPI, Period end, Result, Source, Note (found by header). A bad cell answers 400 bad_cells naming the sheet, row and column, and nothing is stored.",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: ImportBody,
  status: 201,
  bodyLimit: 8 * 1024 * 1024,
  errors: ["bad_cells", "conflict"],
  response: ImportSummary,
});

export const kpiResultsTemplateXlsx = defineOperation({
  operationId: "kpiResultsTemplateXlsx",
  method: "GET",
  path: "/contracts/:id/kpi-results/template.xlsx",
  summary: "The KPI results template as XLSX: one row per KPI and period owed",
  tags: ["manage"],
  roles: STAFF,
  params: ContractIdParams,
  response: z.string(),
  produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

export const kpiResultsTemplateCsv = defineOperation({
  operationId: "kpiResultsTemplateCsv",
  method: "GET",
  path: "/contracts/:id/kpi-results/template.csv",
  summary: "The KPI results template as CSV: one row per KPI and period owed",
  tags: ["manage"],
  roles: STAFF,
  params: ContractIdParams,
  response: z.string(),
  produces: "text/csv",
});

export const setServiceCreditRegime = defineOperation({
  operationId: "setServiceCreditRegime",
  method: "PUT",
  path: "/contracts/:id/service-credit-regime",
  summary: "Set the contract's service-credit regime: percentage or points per failed KPI, capped per month",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: RegimeBody,
  otherStatuses: [201],
  response: Regime,
});

export const getServiceCredits = defineOperation({
  operationId: "getServiceCredits",
  method: "GET",
  path: "/contracts/:id/service-credits",
  summary:
    "The service credits per month: results, failed KPIs, credit per KPI, the cap, the credit after it, the working",
  tags: ["manage"],
  roles: STAFF,
  params: ContractIdParams,
  response: ServiceCredits,
});

export const listSupplierScorecards = defineOperation({
  operationId: "listSupplierScorecards",
  method: "GET",
  path: "/performance/scorecards",
  summary: "Each supplier's scorecard over time across its contracts",
  tags: ["manage"],
  roles: STAFF,
  response: z.array(Scorecard),
});

export const listObligations = defineOperation({
  operationId: "listObligations",
  method: "GET",
  path: "/contracts/:id/obligations",
  summary: "A contract's obligations with their state (open, overdue, done) and completions",
  tags: ["manage"],
  roles: STAFF,
  params: ContractIdParams,
  response: z.array(Obligation),
});

export const createObligation = defineOperation({
  operationId: "createObligation",
  method: "POST",
  path: "/contracts/:id/obligations",
  summary: "Record an obligation: report, audit, open-book review, step-in right or insurance renewal",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: ObligationBody,
  status: 201,
  errors: ["duplicate_id"],
  response: ObligationSaved,
});

export const completeObligation = defineOperation({
  operationId: "completeObligation",
  method: "POST",
  path: "/contracts/:id/obligations/complete",
  summary:
    "Mark the occurrence due complete with its evidence; a recurring obligation rolls to its next due date",
  tags: ["manage"],
  roles: CONTRACT_SIDE,
  params: ContractIdParams,
  body: CompleteBody,
  errors: ["conflict"],
  response: ObligationSaved.extend({
    state: z.enum(["open", "overdue", "done"]),
    daysLeft: z.number().int().nullable(),
  }),
});
