/**
 * Billing assurance in the store: the queries behind reconciliation runs, their exceptions with
 * their evidence, and each exception's workflow history, with the audit append of every write.
 * What a request does (reconciling an upload, the workflow's rules, the CSV export, rule titles)
 * is in src/app/billing.ts; this file only reads and writes rows. The queue is the exceptions of
 * each contract's latest run; a new run carries the workflow state of exceptions it finds again
 * (same invoice, line and rule).
 */
import { sql, type Transaction } from "kysely";
import {
  BILLING_RULE_IDS,
  type BillingEvent,
  type BillingException,
  type BillingRuleId,
  type BillingRun,
  type BillingState,
  type ExportQuery,
  type GroupBy,
  MAX_GROUPS,
  type RuleSummary,
  type StateTotals,
} from "../contract/billing.ts";
import { ConflictError, NotFoundError } from "../shared/errors.ts";
import { appendAudit } from "./audit.ts";
import type { BillingExceptionRow, BillingExceptionsTable, BillingRunRow } from "./billing-schema.ts";
import type { Store } from "./db.ts";
import { isPostgres } from "./dialect.ts";
import type { Database } from "./schema.ts";

type Trx = Transaction<Database>;

export interface BillingActor {
  username: string;
  reason: string;
}

/** An exception as stored: the API's shape but for its rule's title, which the app adds. */
export type StoredException = Omit<BillingException, "ruleTitle">;

function toRun(r: BillingRunRow): BillingRun {
  const byRule = JSON.parse(r.by_rule_json) as Record<
    string,
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
      BILLING_RULE_IDS.map((id) => [
        id,
        { lines: byRule[id]?.lines ?? 0, days: byRule[id]?.days ?? 0, amountPence: byRule[id]?.amount ?? 0 },
      ]),
    ) as Record<BillingRuleId, RuleSummary>,
    skippedRules: JSON.parse(r.skipped_rules_json) as BillingRuleId[],
    demo: r.demo === 1,
  };
}

function toException(r: BillingExceptionRow): StoredException {
  return {
    id: r.id,
    runId: r.run_id,
    contractId: r.contract_id,
    supplier: r.supplier,
    invoiceId: r.invoice_id,
    lineId: r.line_id,
    subjectId: r.subject_id,
    serviceCode: r.service_code,
    rule: r.rule as BillingRuleId,
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

async function contractRow(db: Store["db"] | Trx, contractId: string) {
  const c = await db
    .selectFrom("contracts")
    .select(["id", "supplier"])
    .where("id", "=", contractId)
    .executeTakeFirst();
  if (!c) throw new NotFoundError("contract", contractId);
  return c;
}

/** Throws NotFoundError unless the contract exists. */
export async function requireContract(store: Store, contractId: string): Promise<void> {
  await contractRow(store.db, contractId);
}

/** Whether a contract exists. */
export async function contractExists(store: Store, contractId: string): Promise<boolean> {
  const c = await store.db
    .selectFrom("contracts")
    .select("id")
    .where("id", "=", contractId)
    .executeTakeFirst();
  return c !== undefined;
}

// ---- storing a run ----

/** A reconciled exception, ready to store: the row but for what the store fills in. */
export type ReconciledRow = Omit<
  BillingExceptionsTable,
  | "id"
  | "run_id"
  | "contract_id"
  | "supplier"
  | "updated_at"
  | "demo"
  | "state"
  | "recovered_pence"
  | "credit_note"
>;

/** A reconciled upload, ready to store. */
export interface RunToStore {
  /** Rows read per file. */
  files: { file: string; rows: number }[];
  lines: number;
  subjectDays: number;
  billedPence: number;
  atRiskPence: number;
  /** The engine's byRule: {B01: {lines, days, amount}, ...} with amounts in pence. */
  byRule: Record<string, { lines: number; days: number; amount: number }>;
  skippedRules: readonly string[];
  exceptions: ReconciledRow[];
}

const keyOf = (r: { invoice_id: string; line_id: string; rule: string }) =>
  `${r.invoice_id}\u0000${r.line_id}\u0000${r.rule}`;

/**
 * Stores a reconciled run for a contract, its exceptions and their evidence in one audited
 * transaction; the run becomes the contract's current one, and exceptions found again (same
 * invoice, line and rule) keep the workflow state they had in the previous run.
 */
export async function insertRun(
  store: Store,
  contractId: string,
  run: RunToStore,
  actor: BillingActor,
  opts: { demo?: boolean; at?: string } = {},
): Promise<BillingRun> {
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
        files_json: JSON.stringify(run.files),
        lines: run.lines,
        subject_days: run.subjectDays,
        billed_pence: run.billedPence,
        at_risk_pence: run.atRiskPence,
        exceptions: run.exceptions.length,
        by_rule_json: JSON.stringify(run.byRule),
        skipped_rules_json: JSON.stringify(run.skippedRules),
        demo,
      })
      .execute();
    const events: Database["billing_exception_events"][] = [];
    const rows: BillingExceptionsTable[] = run.exceptions.map((r, i) => {
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
        files: run.files,
        lines: run.lines,
        billedPence: run.billedPence,
        atRiskPence: run.atRiskPence,
        exceptions: rows.length,
        carriedOver: events.length,
        skippedRules: run.skippedRules,
      },
    });
    const stored = await trx
      .selectFrom("billing_runs")
      .selectAll()
      .where("id", "=", runId)
      .executeTakeFirstOrThrow();
    return toRun(stored);
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

const GROUP_COLUMN = {
  rule: "rule",
  supplier: "supplier",
  month: "month",
  subject: "subject_id",
  state: "state",
} as const;

/** The filters of the queue and the export. */
export type ExceptionFilters = ExportQuery;

/** The exceptions the filters select (no order, no paging). */
function filtered(store: Store, q: ExceptionFilters) {
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
  if (q.state) base = base.where("e.state", "=", q.state);
  return base;
}

/** A page of the queue as stored: the app adds the rules' titles. */
export interface StoredExceptionPage {
  total: number;
  totalAmountPence: number;
  page: number;
  pageSize: number;
  items: StoredException[];
  /** The largest groups by amount, at most MAX_GROUPS of them. */
  groups: { key: string; count: number; amountPence: number }[];
  /** True when there were more groups than MAX_GROUPS. */
  groupsTruncated: boolean;
}

/** One page of the exceptions the filters select, largest amount first, and their groups. */
export async function listExceptions(
  store: Store,
  q: ExceptionFilters & { groupBy?: GroupBy; page: number; pageSize: number },
): Promise<StoredExceptionPage> {
  const { page, pageSize } = q;
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
  let groups: StoredExceptionPage["groups"] = [];
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

/** How many exceptions the filters select. */
export async function countExceptions(store: Store, q: ExceptionFilters): Promise<number> {
  const { n } = await filtered(store, q).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
  return Number(n);
}

/** Every exception row the filters select, in contract, invoice, line and rule order. */
export async function exceptionRowsInOrder(
  store: Store,
  q: ExceptionFilters,
): Promise<BillingExceptionRow[]> {
  return filtered(store, q)
    .selectAll("e")
    .orderBy("e.contract_id")
    .orderBy("e.invoice_id")
    .orderBy("e.line_id")
    .orderBy("e.rule")
    .execute();
}

/** An exception with its evidence, its history and its run, as stored. */
export interface StoredExceptionDetail extends StoredException {
  evidence: unknown;
  history: BillingEvent[];
  run: BillingRun;
}

export async function getException(store: Store, id: string): Promise<StoredExceptionDetail> {
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
      data: JSON.parse(h.data_json) as BillingEvent["data"],
      demo: h.demo === 1,
    })),
  };
}

/** The `nth` (from 0, in id order) exception of a rule in a run, if there is one. */
export async function nthException(
  store: Store,
  runId: string,
  rule: string,
  nth: number,
): Promise<StoredException | undefined> {
  const row = await store.db
    .selectFrom("billing_exceptions")
    .selectAll()
    .where("run_id", "=", runId)
    .where("rule", "=", rule)
    .orderBy("id")
    .offset(nth)
    .limit(1)
    .executeTakeFirst();
  return row ? toException(row) : undefined;
}

// ---- workflow ----

/** A workflow step as the app decided it, given the exception as it stands. */
export interface PlannedStep {
  to: BillingState;
  /** What the step changes besides the state (the credit note and the sum recovered). */
  set?: { creditNote?: string | null; recoveredPence?: number };
  /** Kept in the exception's history and the audit entry. */
  data: Record<string, unknown>;
}

/**
 * Records one workflow step in one audited transaction: `plan` sees the exception as it stands
 * (and whether its run is its contract's latest) and says where it goes, or throws; the update
 * only applies if nobody moved the exception meanwhile.
 */
export async function recordStep(
  store: Store,
  id: string,
  action: string,
  actor: BillingActor,
  plan: (
    current: StoredException,
    run: { current: boolean; contractId: string },
    history: { actor: string; to: string }[],
  ) => PlannedStep,
  opts: { at?: string; demo?: boolean } = {},
): Promise<void> {
  const at = opts.at ?? new Date().toISOString();
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
    const history = (
      await trx
        .selectFrom("billing_exception_events")
        .select(["actor", "to_state"])
        .where("exception_id", "=", id)
        .orderBy("at")
        .execute()
    ).map((e) => ({ actor: e.actor, to: e.to_state }));
    const step = plan(toException(row), { current: run.current === 1, contractId: run.contract_id }, history);
    const patch: Partial<BillingExceptionsTable> = { state: step.to, updated_at: at };
    if (step.set?.creditNote !== undefined) patch.credit_note = step.set.creditNote;
    if (step.set?.recoveredPence !== undefined) patch.recovered_pence = step.set.recoveredPence;
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
        to_state: step.to,
        reason: actor.reason,
        data_json: JSON.stringify(step.data),
        demo: opts.demo ? 1 : 0,
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action,
      entity: "billing-exception",
      entityId: id,
      reason: actor.reason,
      data: { from: row.state, to: step.to, ...step.data },
    });
  });
}

// ---- totals for a contract ----

/** A contract's totals as stored: the app adds the rules' titles. */
export interface StoredTotals extends StateTotals {
  contractId: string;
  run: BillingRun | null;
  byRule: ({ rule: BillingRuleId } & StateTotals)[];
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

/** The current run's exceptions summed by state, overall and per rule (in rule id order). */
export async function contractTotals(store: Store, contractId: string): Promise<StoredTotals> {
  await contractRow(store.db, contractId);
  const run = await store.db
    .selectFrom("billing_runs")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("current", "=", 1)
    .executeTakeFirst();
  const all = emptyTotals();
  const byRule = new Map<BillingRuleId, StateTotals>();
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
      const rule = r.rule as BillingRuleId;
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
    byRule: BILLING_RULE_IDS.filter((id) => byRule.has(id)).map((id) => ({ rule: id, ...byRule.get(id)! })),
  };
}
