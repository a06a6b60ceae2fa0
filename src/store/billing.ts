/**
 * Billing assurance in the store: a reconciliation run per contract (the uploaded registers
 * reconciled by the engine in src/billing/), its exceptions with their evidence, and a workflow
 * per exception (dispute, recover, accept, reopen) whose every step is audited and kept in the
 * exception's own history. The queue is the exceptions of each contract's latest run; a new run
 * carries the workflow state of exceptions it finds again (same invoice, line and rule).
 */
import { sql, type Transaction } from "kysely";
import type { Dataset } from "../billing/dataset.ts";
import { explainException } from "../billing/explain.ts";
import { reconcileDataset } from "../billing/reconcile.ts";
import { type BillingSummary, RULE_IDS, type RuleId } from "../billing/types.ts";
import { BILLING_DEMO, demoBillingFiles, demoBillingSteps } from "../demo/billing.ts";
import { loadBillingTexts } from "../io/billing-load.ts";
import { csvDocument, num, text } from "../shared/csv.ts";
import { ConflictError, formatLocation, InputError, NotFoundError } from "../shared/errors.ts";
import { penceToDecimal } from "../shared/money.ts";
import { appendAudit } from "./audit.ts";
import {
  BILLING_STATES,
  type BillingExceptionRow,
  type BillingExceptionsTable,
  type BillingRunRow,
  type BillingState,
} from "./billing-schema.ts";
import type { Store } from "./db.ts";
import { isPostgres } from "./dialect.ts";
import type { Database } from "./schema.ts";

type Trx = Transaction<Database>;

export interface BillingActor {
  username: string;
  reason: string;
}

/** What each rule means, for people reading the queue. */
export const BILLING_RULE_TITLES: Record<RuleId, string> = {
  B01: "Subject not in the identity register",
  B02: "No order covers the day",
  B03: "Billed after the tag was removed",
  B04: "Billed before the tag was fitted",
  B05: "Subject in custody",
  B06: "Subject had died",
  B07: "Subject abroad",
  B08: "Day billed twice",
  B09: "Billed above the contract price",
};

// ---- API shapes (camelCase, money in integer pence) ----

export interface RuleSummary {
  lines: number;
  days: number;
  amountPence: number;
}

export interface BillingRun {
  id: string;
  contractId: string;
  seq: number;
  current: boolean;
  uploadedAt: string;
  uploadedBy: string;
  reason: string;
  files: { file: string; rows: number }[];
  lines: number;
  subjectDays: number;
  billedPence: number;
  atRiskPence: number;
  exceptions: number;
  byRule: Record<RuleId, RuleSummary>;
  skippedRules: RuleId[];
  demo: boolean;
}

export interface BillingException {
  id: string;
  runId: string;
  contractId: string;
  supplier: string;
  invoiceId: string;
  lineId: string;
  subjectId: string;
  serviceCode: string;
  rule: RuleId;
  ruleTitle: string;
  days: number;
  amountPence: number;
  month: string;
  periodStart: string;
  periodEnd: string;
  state: BillingState;
  recoveredPence: number;
  creditNote: string | null;
  updatedAt: string;
  demo: boolean;
}

export interface BillingEvent {
  at: string;
  actor: string;
  from: string;
  to: string;
  reason: string;
  data: unknown;
  demo: boolean;
}

function toRun(r: BillingRunRow): BillingRun {
  const byRule = JSON.parse(r.by_rule_json) as Record<
    RuleId,
    { lines: number; days: number; amount: number }
  >;
  return {
    id: r.id,
    contractId: r.contract_id,
    seq: r.seq,
    current: r.current === 1,
    uploadedAt: r.uploaded_at,
    uploadedBy: r.uploaded_by,
    reason: r.reason,
    files: JSON.parse(r.files_json) as { file: string; rows: number }[],
    lines: r.lines,
    subjectDays: r.subject_days,
    billedPence: Number(r.billed_pence),
    atRiskPence: Number(r.at_risk_pence),
    exceptions: r.exceptions,
    byRule: Object.fromEntries(
      RULE_IDS.map((id) => [
        id,
        { lines: byRule[id]?.lines ?? 0, days: byRule[id]?.days ?? 0, amountPence: byRule[id]?.amount ?? 0 },
      ]),
    ) as Record<RuleId, RuleSummary>,
    skippedRules: JSON.parse(r.skipped_rules_json) as RuleId[],
    demo: r.demo === 1,
  };
}

function toException(r: BillingExceptionRow): BillingException {
  return {
    id: r.id,
    runId: r.run_id,
    contractId: r.contract_id,
    supplier: r.supplier,
    invoiceId: r.invoice_id,
    lineId: r.line_id,
    subjectId: r.subject_id,
    serviceCode: r.service_code,
    rule: r.rule as RuleId,
    ruleTitle: BILLING_RULE_TITLES[r.rule as RuleId] ?? r.rule,
    days: r.days,
    amountPence: Number(r.amount_pence),
    month: r.month,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    state: r.state,
    recoveredPence: Number(r.recovered_pence),
    creditNote: r.credit_note,
    updatedAt: r.updated_at,
    demo: r.demo === 1,
  };
}

// ---- reconciling an upload ----

export interface ReconciledUpload {
  dataset: Dataset;
  summary: BillingSummary;
  rowsRead: Record<string, number>;
  rows: Omit<BillingExceptionsTable, "id" | "run_id" | "contract_id" | "supplier" | "updated_at" | "demo">[];
}

/**
 * Parses the uploaded CSV texts with the engine's reader (a bad value throws an InputError
 * naming file, line and column), reconciles them and explains every exception.
 */
export function reconcileUpload(files: Record<string, string>): ReconciledUpload {
  let loaded: ReturnType<typeof loadBillingTexts>;
  try {
    loaded = loadBillingTexts(files);
  } catch (e) {
    // The API's message names the place the way the CLI does: "invoice_lines.csv:17: period_end: ...".
    if (e instanceof InputError && e.location.file)
      throw new InputError(`${formatLocation(e.location)}: ${e.message}`, {
        location: e.location,
        details: e.location,
        cause: e,
      });
    throw e;
  }
  const { dataset, rowsRead } = loaded;
  const { exceptions: t, summary } = reconcileDataset(dataset);
  const L = dataset.lines;
  // Lines per subject, so each explanation looks at its own subject's lines only.
  const bySubject = new Map<number, number[]>();
  for (let i = 0; i < t.count; i++) {
    const s = L.subject[t.line[i]!]!;
    if (!bySubject.has(s)) bySubject.set(s, []);
  }
  for (let l = 0; l < L.count; l++) bySubject.get(L.subject[l]!)?.push(l);
  const rows: ReconciledUpload["rows"] = [];
  for (let i = 0; i < t.count; i++) {
    const line = t.line[i]!;
    const rule = RULE_IDS[t.rule[i]!]!;
    const ev = explainException(dataset, line, rule, bySubject.get(L.subject[line]!));
    rows.push({
      invoice_id: ev.line.invoiceId,
      line_id: ev.line.lineId,
      subject_id: ev.line.subjectId,
      service_code: ev.line.serviceCode,
      rule,
      days: t.days[i]!,
      amount_pence: t.amount[i]!,
      month: ev.line.periodStart.slice(0, 7),
      period_start: ev.line.periodStart,
      period_end: ev.line.periodEnd,
      state: "open",
      recovered_pence: 0,
      credit_note: null,
      evidence_json: JSON.stringify(ev),
    });
  }
  return { dataset, summary, rowsRead, rows };
}

async function contractRow(db: Store["db"] | Trx, contractId: string) {
  const c = await db
    .selectFrom("contracts")
    .select(["id", "supplier"])
    .where("id", "=", contractId)
    .executeTakeFirst();
  if (!c) throw new NotFoundError("contract", contractId);
  return c;
}

const keyOf = (r: { invoice_id: string; line_id: string; rule: string }) =>
  `${r.invoice_id}\u0000${r.line_id}\u0000${r.rule}`;

/**
 * Reconciles an upload for a contract and stores the run, its exceptions and their evidence in
 * one audited transaction. Bad input throws before anything is written.
 */
export async function storeRun(
  store: Store,
  contractId: string,
  files: Record<string, string>,
  actor: BillingActor,
  opts: { demo?: boolean; at?: string } = {},
): Promise<BillingRun> {
  await contractRow(store.db, contractId);
  const up = reconcileUpload(files);
  const at = opts.at ?? new Date().toISOString();
  const demo = opts.demo ? 1 : 0;
  return store.db.transaction().execute(async (trx) => {
    const contract = await contractRow(trx, contractId);
    // Two uploads for one contract at once take their turn (SQLite writes one at a time anyway).
    if (isPostgres(trx))
      await trx.selectFrom("contracts").select("id").where("id", "=", contractId).forUpdate().execute();
    const last = await trx
      .selectFrom("billing_runs")
      .select(["id", "seq"])
      .where("contract_id", "=", contractId)
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const runId = `${contractId}-r${seq}`;
    // Workflow state found again in the new run is carried over.
    const carried = new Map<string, BillingExceptionRow>();
    if (last) {
      const prev = await trx
        .selectFrom("billing_exceptions")
        .selectAll()
        .where("run_id", "=", last.id)
        .where("state", "!=", "open")
        .execute();
      for (const r of prev) carried.set(keyOf(r), r);
    }
    await trx.updateTable("billing_runs").set({ current: 0 }).where("contract_id", "=", contractId).execute();
    const s = up.summary;
    const files_ = Object.entries(up.rowsRead).map(([file, rows]) => ({ file, rows }));
    await trx
      .insertInto("billing_runs")
      .values({
        id: runId,
        contract_id: contractId,
        seq,
        current: 1,
        uploaded_at: at,
        uploaded_by: actor.username,
        reason: actor.reason,
        files_json: JSON.stringify(files_),
        lines: s.lines,
        subject_days: s.subjectDays,
        billed_pence: s.billed,
        at_risk_pence: s.atRisk,
        exceptions: up.rows.length,
        by_rule_json: JSON.stringify(s.byRule),
        skipped_rules_json: JSON.stringify(s.skippedRules),
        demo,
      })
      .execute();
    const events: Database["billing_exception_events"][] = [];
    const rows: BillingExceptionsTable[] = up.rows.map((r, i) => {
      const id = `${runId}-${i + 1}`;
      const before = carried.get(keyOf(r));
      if (before) {
        events.push({
          id: `${id}#1`,
          exception_id: id,
          at,
          actor: actor.username,
          from_state: "open",
          to_state: before.state,
          reason: `carried over from ${before.id}`,
          data_json: JSON.stringify({ from: before.id, creditNote: before.credit_note }),
          demo,
        });
      }
      return {
        ...r,
        id,
        run_id: runId,
        contract_id: contractId,
        supplier: contract.supplier,
        state: before?.state ?? "open",
        recovered_pence: before ? Number(before.recovered_pence) : 0,
        credit_note: before?.credit_note ?? null,
        updated_at: at,
        demo: before ? before.demo : demo,
      };
    });
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto("billing_exceptions")
        .values(rows.slice(i, i + 500))
        .execute();
    for (let i = 0; i < events.length; i += 500)
      await trx
        .insertInto("billing_exception_events")
        .values(events.slice(i, i + 500))
        .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "reconcile",
      entity: "billing-run",
      entityId: runId,
      reason: actor.reason,
      data: {
        contractId,
        files: files_,
        lines: s.lines,
        billedPence: s.billed,
        atRiskPence: s.atRisk,
        exceptions: rows.length,
        carriedOver: events.length,
        skippedRules: s.skippedRules,
      },
    });
    const run = await trx
      .selectFrom("billing_runs")
      .selectAll()
      .where("id", "=", runId)
      .executeTakeFirstOrThrow();
    return toRun(run);
  });
}

// ---- reads ----

export async function listRuns(store: Store, contractId: string): Promise<BillingRun[]> {
  await contractRow(store.db, contractId);
  const rows = await store.db
    .selectFrom("billing_runs")
    .selectAll()
    .where("contract_id", "=", contractId)
    .orderBy("seq", "desc")
    .execute();
  return rows.map(toRun);
}

export const GROUP_BY = ["rule", "supplier", "month", "subject", "state"] as const;
export type GroupBy = (typeof GROUP_BY)[number];
const GROUP_COLUMN = {
  rule: "rule",
  supplier: "supplier",
  month: "month",
  subject: "subject_id",
  state: "state",
} as const;

export interface ExceptionQuery {
  contractId?: string;
  /** A run's exceptions; without it, those of each contract's latest run. */
  runId?: string;
  rule?: string;
  supplier?: string;
  month?: string;
  subject?: string;
  state?: string;
  groupBy?: GroupBy;
  page?: number;
  pageSize?: number;
}

export interface ExceptionPage {
  total: number;
  totalAmountPence: number;
  page: number;
  pageSize: number;
  items: BillingException[];
  /** The largest groups by amount, at most MAX_GROUPS of them. */
  groups: { key: string; title?: string; count: number; amountPence: number }[];
  /** True when there were more groups than MAX_GROUPS. */
  groupsTruncated: boolean;
}

export const MAX_GROUPS = 1000;

/** The exceptions a query's filters select (no order, no paging). */
function filtered(store: Store, q: ExceptionQuery) {
  let base = store.db.selectFrom("billing_exceptions as e");
  if (q.runId) base = base.where("e.run_id", "=", q.runId);
  else
    base = base.where("e.run_id", "in", (s) =>
      s.selectFrom("billing_runs").select("id").where("current", "=", 1),
    );
  if (q.contractId) base = base.where("e.contract_id", "=", q.contractId);
  if (q.rule) base = base.where("e.rule", "=", q.rule);
  if (q.supplier) base = base.where("e.supplier", "=", q.supplier);
  if (q.month) base = base.where("e.month", "=", q.month);
  if (q.subject) base = base.where("e.subject_id", "=", q.subject);
  if (q.state) base = base.where("e.state", "=", q.state as BillingState);
  return base;
}

export async function listExceptions(store: Store, q: ExceptionQuery): Promise<ExceptionPage> {
  const page = Math.max(1, q.page ?? 1);
  const pageSize = Math.min(500, Math.max(1, q.pageSize ?? 50));
  const base = filtered(store, q);
  const totals = await base
    .select([sql<number>`count(*)`.as("n"), sql<number>`coalesce(sum(e.amount_pence), 0)`.as("amount")])
    .executeTakeFirstOrThrow();
  const items = await base
    .selectAll("e")
    .orderBy("e.amount_pence", "desc")
    .orderBy("e.id")
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  let groups: ExceptionPage["groups"] = [];
  let truncated = false;
  if (q.groupBy) {
    const col = `e.${GROUP_COLUMN[q.groupBy]}` as const;
    const rows = await base
      .select([
        sql.ref<string>(col).as("key"),
        sql<number>`count(*)`.as("n"),
        sql<number>`coalesce(sum(e.amount_pence), 0)`.as("amount"),
      ])
      .groupBy(col)
      .orderBy(sql`coalesce(sum(e.amount_pence), 0)`, "desc")
      .orderBy(col)
      .limit(MAX_GROUPS + 1)
      .execute();
    truncated = rows.length > MAX_GROUPS;
    groups = rows.slice(0, MAX_GROUPS).map((r) => ({
      key: String(r.key),
      ...(q.groupBy === "rule" ? { title: BILLING_RULE_TITLES[r.key as RuleId] } : {}),
      count: Number(r.n),
      amountPence: Number(r.amount),
    }));
  }
  return {
    total: Number(totals.n),
    totalAmountPence: Number(totals.amount),
    page,
    pageSize,
    items: items.map(toException),
    groups,
    groupsTruncated: truncated,
  };
}

/** The most rows one export gives; a filter narrows a larger queue. */
export const MAX_EXPORT_ROWS = 1_000_000;

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
 * The exceptions a query selects as CSV, in invoice and line order, money in pounds to the penny:
 * what a finance team sends a supplier with a dispute, or loads into its ledger. It starts with a
 * BOM for Excel; a text cell that would read as a formula starts with `'` (src/shared/csv.ts).
 */
export async function exceptionsCsv(store: Store, q: ExceptionQuery): Promise<string> {
  const base = filtered(store, q);
  const { n } = await base.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  if (Number(n) > MAX_EXPORT_ROWS)
    throw new InputError(
      `the filters select ${Number(n)} exceptions, more than the ${MAX_EXPORT_ROWS} one export gives: filter by contract, rule or month`,
    );
  const rows = await base
    .selectAll("e")
    .orderBy("e.contract_id")
    .orderBy("e.invoice_id")
    .orderBy("e.line_id")
    .orderBy("e.rule")
    .execute();
  // Ids, names and the credit note come from the supplier or a user: text cells, neutralised if
  // they would read as a formula. Days and money are numbers, so a spreadsheet can sum them.
  return csvDocument(
    EXPORT_COLUMNS,
    rows.map((r) => [
      text(r.contract_id),
      text(r.supplier),
      text(r.invoice_id),
      text(r.line_id),
      text(r.subject_id),
      text(r.service_code),
      text(r.period_start),
      text(r.period_end),
      text(r.rule),
      num(Number(r.days)),
      num(penceToDecimal(Number(r.amount_pence))),
      text(r.state),
      num(penceToDecimal(Number(r.recovered_pence))),
      text(r.credit_note ?? ""),
      text(r.id),
    ]),
    { bom: true },
  );
}

export interface ExceptionDetail extends BillingException {
  evidence: unknown;
  history: BillingEvent[];
  run: BillingRun;
}

export async function getException(store: Store, id: string): Promise<ExceptionDetail> {
  const row = await store.db
    .selectFrom("billing_exceptions")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError("billing exception", id);
  const run = await store.db
    .selectFrom("billing_runs")
    .selectAll()
    .where("id", "=", row.run_id)
    .executeTakeFirstOrThrow();
  const history = await store.db
    .selectFrom("billing_exception_events")
    .selectAll()
    .where("exception_id", "=", id)
    .orderBy("at")
    .orderBy("id")
    .execute();
  return {
    ...toException(row),
    evidence: JSON.parse(row.evidence_json) as unknown,
    run: toRun(run),
    history: history.map((h) => ({
      at: h.at,
      actor: h.actor,
      from: h.from_state,
      to: h.to_state,
      reason: h.reason,
      data: JSON.parse(h.data_json) as unknown,
      demo: h.demo === 1,
    })),
  };
}

// ---- workflow ----

export const BILLING_ACTIONS = ["dispute", "recover", "accept", "reopen"] as const;
export type BillingAction = (typeof BILLING_ACTIONS)[number];

/** Which states each action may start from, and where it leads. */
export const TRANSITIONS: Record<BillingAction, { from: readonly BillingState[]; to: BillingState }> = {
  dispute: { from: ["open"], to: "disputed" },
  recover: { from: ["open", "disputed"], to: "recovered" },
  accept: { from: ["open", "disputed"], to: "accepted" },
  reopen: { from: ["disputed", "accepted"], to: "open" },
};

export interface TransitionInput {
  /** For recover: the supplier's credit note and the amount it gives back. */
  creditNote?: string;
  amountPence?: number;
  at?: string;
  demo?: boolean;
}

export async function transitionException(
  store: Store,
  id: string,
  action: BillingAction,
  actor: BillingActor,
  input: TransitionInput = {},
): Promise<ExceptionDetail> {
  const t = TRANSITIONS[action];
  const at = input.at ?? new Date().toISOString();
  await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("billing_exceptions")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("billing exception", id);
    const run = await trx
      .selectFrom("billing_runs")
      .select(["current", "contract_id"])
      .where("id", "=", row.run_id)
      .executeTakeFirstOrThrow();
    if (run.current !== 1)
      throw new ConflictError(
        `exception ${id} belongs to an earlier run of ${run.contract_id}; act on the latest run's exception`,
      );
    if (!t.from.includes(row.state))
      throw new ConflictError(
        `cannot ${action} an exception that is ${row.state}; ${action} applies to ${t.from.join(" or ")} exceptions`,
        { state: row.state },
      );
    const patch: Partial<BillingExceptionsTable> = { state: t.to, updated_at: at };
    let data: Record<string, unknown> = { rule: row.rule, amountPence: Number(row.amount_pence) };
    if (action === "recover") {
      const credit = (input.creditNote ?? "").trim();
      if (!credit)
        throw new InputError("creditNote: expected the supplier's credit note reference", {
          location: { path: "creditNote" },
        });
      const amount = input.amountPence;
      if (
        amount === undefined ||
        !Number.isInteger(amount) ||
        amount <= 0 ||
        amount > Number(row.amount_pence)
      )
        throw new InputError(
          `amountPence: expected whole pence above 0 and at most the amount at risk (${Number(row.amount_pence)}), got ${amount ?? "nothing"}`,
          { location: { path: "amountPence" } },
        );
      patch.credit_note = credit;
      patch.recovered_pence = amount;
      data = { ...data, creditNote: credit, recoveredPence: amount };
    }
    if (action === "reopen") {
      patch.credit_note = null;
      patch.recovered_pence = 0;
    }
    const res = await trx
      .updateTable("billing_exceptions")
      .set(patch)
      .where("id", "=", id)
      .where("state", "=", row.state)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1)
      throw new ConflictError(`exception ${id} changed while this was being recorded; try again`);
    const n = await trx
      .selectFrom("billing_exception_events")
      .select(sql<number>`count(*)`.as("n"))
      .where("exception_id", "=", id)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("billing_exception_events")
      .values({
        id: `${id}#${Number(n.n) + 1}`,
        exception_id: id,
        at,
        actor: actor.username,
        from_state: row.state,
        to_state: t.to,
        reason: actor.reason,
        data_json: JSON.stringify(data),
        demo: input.demo ? 1 : 0,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action,
      entity: "billing-exception",
      entityId: id,
      reason: actor.reason,
      data: { from: row.state, to: t.to, ...data },
    });
  });
  return getException(store, id);
}

// ---- totals for a contract ----

export interface StateTotals {
  count: number;
  atRiskPence: number;
  openPence: number;
  disputedPence: number;
  acceptedPence: number;
  /** Exceptions recovered: the amount at risk they covered. */
  recoveredAtRiskPence: number;
  /** Money actually given back by credit notes. */
  recoveredPence: number;
}

export interface ContractBillingTotals extends StateTotals {
  contractId: string;
  run: BillingRun | null;
  byRule: ({ rule: RuleId; title: string } & StateTotals)[];
}

function emptyTotals(): StateTotals {
  return {
    count: 0,
    atRiskPence: 0,
    openPence: 0,
    disputedPence: 0,
    acceptedPence: 0,
    recoveredAtRiskPence: 0,
    recoveredPence: 0,
  };
}

export async function contractTotals(store: Store, contractId: string): Promise<ContractBillingTotals> {
  await contractRow(store.db, contractId);
  const run = await store.db
    .selectFrom("billing_runs")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("current", "=", 1)
    .executeTakeFirst();
  const all = emptyTotals();
  const byRule = new Map<RuleId, StateTotals>();
  if (run) {
    const rows = await store.db
      .selectFrom("billing_exceptions")
      .select([
        "rule",
        "state",
        sql<number>`count(*)`.as("n"),
        sql<number>`coalesce(sum(amount_pence), 0)`.as("amount"),
        sql<number>`coalesce(sum(recovered_pence), 0)`.as("recovered"),
      ])
      .where("run_id", "=", run.id)
      .groupBy(["rule", "state"])
      .execute();
    for (const r of rows) {
      const rule = r.rule as RuleId;
      if (!byRule.has(rule)) byRule.set(rule, emptyTotals());
      for (const t of [all, byRule.get(rule)!]) {
        const amount = Number(r.amount);
        t.count += Number(r.n);
        t.atRiskPence += amount;
        t.recoveredPence += Number(r.recovered);
        if (r.state === "open") t.openPence += amount;
        else if (r.state === "disputed") t.disputedPence += amount;
        else if (r.state === "accepted") t.acceptedPence += amount;
        else if (r.state === "recovered") t.recoveredAtRiskPence += amount;
      }
    }
  }
  return {
    contractId,
    run: run ? toRun(run) : null,
    ...all,
    byRule: RULE_IDS.filter((id) => byRule.has(id)).map((id) => ({
      rule: id,
      title: BILLING_RULE_TITLES[id],
      ...byRule.get(id)!,
    })),
  };
}

export { BILLING_STATES };

// ---- demo ----

/**
 * Reconciles the demo contract's generated registers and puts a few exceptions through the
 * workflow. Skipped when the demo contract is absent.
 */
export async function loadBillingDemo(store: Store): Promise<void> {
  const c = await store.db
    .selectFrom("contracts")
    .select("id")
    .where("id", "=", BILLING_DEMO.contractId)
    .executeTakeFirst();
  if (!c) return;
  const run = await storeRun(
    store,
    BILLING_DEMO.contractId,
    demoBillingFiles(),
    { username: "demo-loader", reason: BILLING_DEMO.reason },
    { demo: true },
  );
  for (const step of demoBillingSteps) {
    const target = await store.db
      .selectFrom("billing_exceptions")
      .select("id")
      .where("run_id", "=", run.id)
      .where("rule", "=", step.rule)
      .orderBy("id")
      .offset(step.nth)
      .limit(1)
      .executeTakeFirst();
    if (!target) continue;
    const amount =
      step.action === "recover"
        ? Number(
            (
              await store.db
                .selectFrom("billing_exceptions")
                .select("amount_pence")
                .where("id", "=", target.id)
                .executeTakeFirstOrThrow()
            ).amount_pence,
          )
        : undefined;
    await transitionException(
      store,
      target.id,
      step.action,
      { username: step.actor, reason: `${step.reason} (demo)` },
      { creditNote: step.creditNote, amountPence: amount, at: step.at, demo: true },
    );
  }
}
