/**
 * Billing assurance, as the API offers it: upload a contract's registers to reconcile every
 * invoice line, work the exception queue (dispute, recover, accept, reopen), export it as CSV and
 * read a contract's totals. Billing data is about individuals: staff only, never the public.
 * Money is integer pence; dates are ISO.
 */
import { z } from "zod";
import { MAX_PENCE } from "../shared/money.ts";
import { defineOperation } from "./operation.ts";
import { CONTRACT_SIDE, type Role, STAFF } from "./roles.ts";

/**
 * The billing rules' ids, in id order. The rules themselves live in the engine's registry
 * (src/billing/rules/index.ts), which the dashboard does not load; test/billing-product checks
 * this list against it.
 */
export const BILLING_RULE_IDS = ["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09"] as const;
export const BillingRuleId = z.enum(BILLING_RULE_IDS);
export type BillingRuleId = z.infer<typeof BillingRuleId>;

/** Where an exception is in its workflow. */
export const BILLING_STATES = ["open", "disputed", "recovered", "accepted"] as const;
export const BillingState = z.enum(BILLING_STATES);
export type BillingState = z.infer<typeof BillingState>;

/** The workflow's actions, each a route of its own. */
export const BILLING_ACTIONS = ["dispute", "recover", "accept", "reopen"] as const;
export type BillingAction = (typeof BILLING_ACTIONS)[number];

/** Which states each action may start from, and where it leads. */
export const BILLING_TRANSITIONS: Record<BillingAction, { from: readonly BillingState[]; to: BillingState }> =
  {
    dispute: { from: ["open"], to: "disputed" },
    recover: { from: ["open", "disputed"], to: "recovered" },
    accept: { from: ["open", "disputed"], to: "accepted" },
    reopen: { from: ["disputed", "accepted"], to: "open" },
  };

/** What the queue may be grouped by. */
export const GROUP_BY = ["rule", "supplier", "month", "subject", "state"] as const;
export const GroupBy = z.enum(GROUP_BY);
export type GroupBy = z.infer<typeof GroupBy>;

/** The files an upload may carry, required first (custody, deaths and departures are optional). */
export const BILLING_UPLOAD_FILES = [
  { name: "invoice_lines.csv", required: true },
  { name: "orders.csv", required: true },
  { name: "service_events.csv", required: true },
  { name: "subjects.csv", required: true },
  { name: "prices.csv", required: true },
  { name: "custody.csv", required: false },
  { name: "deaths.csv", required: false },
  { name: "departures.csv", required: false },
] as const;

/** The most rows one export gives; a filter narrows a larger queue. */
export const MAX_EXPORT_ROWS = 1_000_000;

/** The most groups a grouped queue lists (the largest by amount). */
export const MAX_GROUPS = 1000;

/** The columns of exceptions.csv, in order. */
export const EXPORT_COLUMNS = [
  "contract_id",
  "supplier",
  "invoice_id",
  "line_id",
  "subject_id",
  "service_code",
  "period_start",
  "period_end",
  "rule",
  "days",
  "amount_at_risk",
  "state",
  "recovered",
  "credit_note",
  "exception_id",
] as const;

/**
 * Who does what with a supplier's bill: separation of duties, as an authority's financial
 * regulations require between the officer who checks a charge and the one who approves paying it.
 *
 * - The contract side (contract manager, commercial lead) knows whether the service was delivered:
 *   it disputes a charge and reopens one.
 * - Finance (the section 151 officer's team) approves payment: it alone accepts a flagged charge
 *   as payable, and an officer who disputed an exception may never accept it themselves
 *   (`planStep`, src/app/billing.ts), whatever their role.
 * - Both record a credit note (money back is seen by both the ledger and the contract manager),
 *   and both upload: accounts payable loads invoice lines, the contract manager the service registers.
 * - Administrators hold every role, as everywhere in nous, under the same person rule.
 */
export const RECOVERY_ROLES: readonly Role[] = [...CONTRACT_SIDE, "finance"];
/** Who approves paying a flagged charge. */
export const PAYMENT_ROLES: readonly Role[] = ["admin", "finance"];
/** Who may take each workflow action. */
export const ACTION_ROLES: Record<BillingAction, readonly Role[]> = {
  dispute: CONTRACT_SIDE,
  recover: RECOVERY_ROLES,
  accept: PAYMENT_ROLES,
  reopen: CONTRACT_SIDE,
};
/** Who may upload a run: the contract side and finance. */
export const UPLOAD_ROLES: readonly Role[] = [...CONTRACT_SIDE, "finance"];

/** The largest upload body, in bytes (the server's UPLOAD_BODY_LIMIT). */
const UPLOAD_BYTES = 64 * 1024 * 1024;

const reason = z.string().min(1).describe("Why the change is made; kept in the audit trail");
const idParams = z.object({ id: z.string() });

// ---- records ----

/** A billing rule as the engine's registry describes it. */
export const BillingRule = z.object({
  id: BillingRuleId,
  name: z.string().describe("Short name, as the queue shows it"),
  detects: z.string().describe("What the rule detects"),
  whyItMatters: z.string(),
  register: z
    .string()
    .nullable()
    .describe("The optional file without which the rule is skipped; null when the rule always runs"),
});
export type BillingRule = z.infer<typeof BillingRule>;

export const RuleSummary = z.object({
  lines: z.number().int(),
  days: z.number().int(),
  amountPence: z.number().int(),
});
export type RuleSummary = z.infer<typeof RuleSummary>;

/** Per rule, every rule present (zero where it found nothing). */
const ByRule = z.object(
  Object.fromEntries(BILLING_RULE_IDS.map((id) => [id, RuleSummary])) as Record<
    BillingRuleId,
    typeof RuleSummary
  >,
);

export const BillingRun = z.object({
  id: z.string(),
  contractId: z.string(),
  seq: z.number().int(),
  current: z.boolean().describe("True for the contract's latest run, whose exceptions make up the queue"),
  uploadedAt: z.string(),
  uploadedBy: z.string(),
  reason: z.string(),
  files: z.array(z.object({ file: z.string(), rows: z.number().int() })),
  lines: z.number().int(),
  subjectDays: z.number().int(),
  billedPence: z.number().int(),
  atRiskPence: z.number().int(),
  exceptions: z.number().int(),
  byRule: ByRule,
  skippedRules: z.array(BillingRuleId).describe("Rules whose optional register was not uploaded"),
  demo: z.boolean(),
});
export type BillingRun = z.infer<typeof BillingRun>;

export const BillingException = z.object({
  id: z.string(),
  runId: z.string(),
  contractId: z.string(),
  supplier: z.string(),
  invoiceId: z.string(),
  lineId: z.string(),
  subjectId: z.string(),
  serviceCode: z.string(),
  rule: BillingRuleId,
  ruleTitle: z.string(),
  days: z.number().int(),
  amountPence: z.number().int(),
  month: z.string().describe("YYYY-MM of the line's period start"),
  periodStart: z.string(),
  periodEnd: z.string(),
  state: BillingState,
  recoveredPence: z.number().int(),
  creditNote: z.string().nullable(),
  updatedAt: z.string(),
  demo: z.boolean(),
});
export type BillingException = z.infer<typeof BillingException>;

const DayRange = z.object({ from: z.string(), to: z.string() });

/** The register rows behind an exception, recomputed by the engine when the run was reconciled. */
export const Evidence = z.object({
  rule: BillingRuleId,
  line: z.object({
    index: z.number().int().optional(),
    invoiceId: z.string(),
    lineId: z.string(),
    contractId: z.string(),
    subjectId: z.string(),
    orderId: z.string(),
    serviceCode: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    amount: z.string().describe("The line's amount in pounds, a decimal string"),
  }),
  days: z.array(DayRange).describe("The days of the line on which the rule fired"),
  registered: z.boolean(),
  dateOfDeath: z.string().nullable(),
  custody: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
  departures: z.array(z.object({ departure: z.string(), return: z.string().nullable() })),
  orders: z.array(
    z.object({
      orderId: z.string(),
      start: z.string(),
      end: z.string().nullable(),
      events: z.array(z.object({ event: z.enum(["start", "stop"]), date: z.string() })),
    }),
  ),
  earlierBillings: z.array(
    z.object({
      index: z.number().int().optional(),
      invoiceId: z.string(),
      lineId: z.string(),
      from: z.string(),
      to: z.string(),
    }),
  ),
  prices: z.array(z.object({ from: z.string(), to: z.string().nullable(), unitPrice: z.string() })),
});
export type Evidence = z.infer<typeof Evidence>;

/** One step of an exception's workflow. */
export const BillingEvent = z.object({
  at: z.string(),
  actor: z.string(),
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  data: z
    .object({ creditNote: z.string().nullable().optional(), recoveredPence: z.number().int().optional() })
    .catchall(z.unknown())
    .nullable()
    .describe(
      "What the step recorded: the credit note and amount of a recovery, the run a state was carried over from",
    ),
  demo: z.boolean(),
});
export type BillingEvent = z.infer<typeof BillingEvent>;

export const ExceptionDetail = BillingException.extend({
  evidence: Evidence,
  history: z.array(BillingEvent),
  run: BillingRun,
});
export type ExceptionDetail = z.infer<typeof ExceptionDetail>;

export const ExceptionPage = z.object({
  total: z.number().int(),
  totalAmountPence: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(BillingException),
  groups: z
    .array(
      z.object({
        key: z.string(),
        title: z.string().optional(),
        count: z.number().int(),
        amountPence: z.number().int(),
      }),
    )
    .describe(`The largest groups by amount, at most ${MAX_GROUPS} of them`),
  groupsTruncated: z.boolean().describe(`True when there were more than ${MAX_GROUPS} groups`),
});
export type ExceptionPage = z.infer<typeof ExceptionPage>;

export const StateTotals = z.object({
  count: z.number().int(),
  atRiskPence: z.number().int(),
  openPence: z.number().int(),
  disputedPence: z.number().int(),
  acceptedPence: z.number().int(),
  recoveredAtRiskPence: z.number().int().describe("Exceptions recovered: the amount at risk they covered"),
  recoveredPence: z.number().int().describe("Money actually given back by credit notes"),
});
export type StateTotals = z.infer<typeof StateTotals>;

export const ContractBillingTotals = StateTotals.extend({
  contractId: z.string(),
  run: BillingRun.nullable(),
  byRule: z.array(StateTotals.extend({ rule: BillingRuleId, title: z.string() })),
});
export type ContractBillingTotals = z.infer<typeof ContractBillingTotals>;

// ---- requests ----

const exceptionFilters = {
  contractId: z.string().optional(),
  runId: z.string().optional().describe("Default: each contract's latest run"),
  rule: BillingRuleId.optional(),
  supplier: z.string().optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  subject: z.string().optional(),
  state: BillingState.optional(),
};

/** The queue's filters, grouping and page. */
export const ExceptionQuery = z
  .object({
    ...exceptionFilters,
    groupBy: GroupBy.optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();
export type ExceptionQuery = z.input<typeof ExceptionQuery>;

/** The export's filters (no grouping or paging: every row the filters select). */
export const ExportQuery = z.object(exceptionFilters).strict();
export type ExportQuery = z.infer<typeof ExportQuery>;

const csvText = z.string().describe("The file's CSV text, header row first");

export const UploadBody = z
  .object({
    reason,
    files: z
      .object({
        "invoice_lines.csv": csvText,
        "orders.csv": csvText,
        "service_events.csv": csvText,
        "subjects.csv": csvText,
        "prices.csv": csvText,
        "custody.csv": csvText.optional(),
        "deaths.csv": csvText.optional(),
        "departures.csv": csvText.optional(),
      })
      .strict(),
  })
  .strict();
export type UploadBody = z.infer<typeof UploadBody>;

export const ActionBody = z.object({ reason }).strict();
export const RecoverBody = z
  .object({
    reason,
    creditNote: z.string().min(1).describe("The supplier's credit note reference"),
    amountPence: z.number().int().min(1).max(MAX_PENCE).describe("Money recovered, in integer pence"),
  })
  .strict();
export type RecoverBody = z.infer<typeof RecoverBody>;

// ---- operations ----

export const listBillingRules = defineOperation({
  operationId: "listBillingRules",
  method: "GET",
  path: "/billing/rules",
  summary: "The billing rules every invoice line is checked against, in id order",
  tags: ["billing"],
  roles: STAFF,
  response: z.array(BillingRule),
});

export const uploadBillingRun = defineOperation({
  operationId: "uploadBillingRun",
  method: "POST",
  path: "/billing/contracts/:id/runs",
  summary: "Upload a contract's registers and reconcile every invoice line",
  description:
    "files maps file names to CSV text: invoice_lines.csv, orders.csv, service_events.csv, subjects.csv and prices.csv are required; custody.csv, deaths.csv and departures.csv are optional (their rule is skipped when absent). A bad value answers 400 naming file:line: column, and nothing is stored.",
  tags: ["billing"],
  roles: UPLOAD_ROLES,
  params: idParams,
  body: UploadBody,
  response: BillingRun,
  status: 201,
  bodyLimit: UPLOAD_BYTES,
  errors: ["bad_input", "not_found"],
});

export const listBillingRuns = defineOperation({
  operationId: "listBillingRuns",
  method: "GET",
  path: "/billing/contracts/:id/runs",
  summary: "A contract's reconciliation runs, latest first",
  tags: ["billing"],
  roles: STAFF,
  params: idParams,
  response: z.array(BillingRun),
});

export const getBillingTotals = defineOperation({
  operationId: "getBillingTotals",
  method: "GET",
  path: "/billing/contracts/:id/totals",
  summary: "A contract's billing totals: at risk, open, disputed, accepted and recovered, by rule",
  tags: ["billing"],
  roles: STAFF,
  params: idParams,
  response: ContractBillingTotals,
});

export const listBillingExceptions = defineOperation({
  operationId: "listBillingExceptions",
  method: "GET",
  path: "/billing/exceptions",
  summary: "The exception queue: filtered, grouped (counts and amounts per group), paginated",
  tags: ["billing"],
  roles: STAFF,
  query: ExceptionQuery,
  response: ExceptionPage,
});

export const exportBillingExceptions = defineOperation({
  operationId: "exportBillingExceptions",
  method: "GET",
  path: "/billing/exceptions.csv",
  summary: "The exceptions the filters select, as CSV (money in pounds to the penny)",
  description: `Columns: ${EXPORT_COLUMNS.join(", ")}. In contract, invoice and line order; at most ${MAX_EXPORT_ROWS} rows. Starts with a byte order mark; a text cell that would read as a formula starts with '.`,
  tags: ["billing"],
  roles: STAFF,
  query: ExportQuery,
  response: z.string(),
  produces: "text/csv",
  errors: ["bad_input"],
});

export const getBillingException = defineOperation({
  operationId: "getBillingException",
  method: "GET",
  path: "/billing/exceptions/:id",
  summary: "One exception with its evidence and its history",
  tags: ["billing"],
  roles: STAFF,
  params: idParams,
  response: ExceptionDetail,
});

const workflow = { tags: ["billing"], method: "POST", params: idParams, response: ExceptionDetail } as const;
const stepErrors = ["conflict", "bad_input"] as const;

export const disputeBillingException = defineOperation({
  ...workflow,
  operationId: "disputeBillingException",
  path: "/billing/exceptions/:id/dispute",
  summary: "Dispute an open exception with the supplier",
  roles: ACTION_ROLES.dispute,
  body: ActionBody,
  errors: stepErrors,
});

export const recoverBillingException = defineOperation({
  ...workflow,
  operationId: "recoverBillingException",
  path: "/billing/exceptions/:id/recover",
  summary: "Record the money recovered (credit note and amount)",
  roles: ACTION_ROLES.recover,
  body: RecoverBody,
  errors: stepErrors,
});

export const acceptBillingException = defineOperation({
  ...workflow,
  operationId: "acceptBillingException",
  path: "/billing/exceptions/:id/accept",
  summary: "Accept the charge as payable (finance, never the officer who disputed it), with the reason",
  roles: ACTION_ROLES.accept,
  body: ActionBody,
  errors: [...stepErrors, "separation_of_duties"],
});

export const reopenBillingException = defineOperation({
  ...workflow,
  operationId: "reopenBillingException",
  path: "/billing/exceptions/:id/reopen",
  summary: "Reopen a disputed or accepted exception",
  roles: ACTION_ROLES.reopen,
  body: ActionBody,
  errors: stepErrors,
});

/** The workflow operation of each action. */
export const BILLING_ACTION_OPERATIONS = {
  dispute: disputeBillingException,
  recover: recoverBillingException,
  accept: acceptBillingException,
  reopen: reopenBillingException,
} as const;
