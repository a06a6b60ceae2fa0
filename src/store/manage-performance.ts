/**
 * Performance and obligations in the store: KPIs with how they are measured, their results per
 * period (one at a time or a whole file in one transaction), a contract's service-credit regime,
 * obligations and their completions. Each write is one transaction with its audit entry. What
 * the figures mean (outcomes, ratings, credits, overdue) is src/manage's, composed in
 * src/app/manage-performance.ts.
 */
import type { Kysely, Selectable, Transaction } from "kysely";
import type { KpiMeasure, KpiRecord, MeasuredKpi } from "../manage/kpi.ts";
import type { KpiResultRecord } from "../manage/kpi-result.ts";
import type { ObligationCompletion, ObligationRecord } from "../manage/obligation.ts";
import type { Rating } from "../manage/rating.ts";
import type { CreditRegime } from "../manage/service-credits.ts";
import { ConflictError, NotFoundError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { ContractKpisTable } from "./manage-schema.ts";
import type {
  ContractObligationsTable,
  KpiMeasureColumns,
  KpiResultsTable,
  ServiceCreditRegimesTable,
} from "./manage-performance-schema.ts";
import type { Database } from "./schema.ts";
import { insertWithId } from "./unique.ts";

/**
 * contract_kpis with the columns migration 007 added. The table's type belongs to
 * manage-schema.ts; this store sees it widened rather than two schema files both declaring it.
 */
type PerfDb = Omit<Database, "contract_kpis"> & { contract_kpis: ContractKpisTable & KpiMeasureColumns };
const perf = (db: Kysely<Database> | Transaction<Database>) => db as unknown as Kysely<PerfDb>;

const flag = (b: boolean) => (b ? 1 : 0);

const toKpi = (r: Selectable<ContractKpisTable & KpiMeasureColumns>): MeasuredKpi => ({
  id: r.id,
  contractId: r.contract_id,
  title: r.title,
  description: r.description,
  target: r.target,
  published: r.published === 1,
  demo: r.demo === 1,
  targetValue: r.target_value,
  tolerance: r.tolerance,
  direction: r.direction as MeasuredKpi["direction"],
  period: r.period as MeasuredKpi["period"],
  weight: r.weight,
  source: r.source as MeasuredKpi["source"],
  unit: r.unit,
  measuredFrom: r.measured_from,
});

const measureColumns = (m: KpiMeasure): KpiMeasureColumns => ({
  target_value: m.targetValue,
  tolerance: m.tolerance,
  direction: m.direction,
  period: m.period,
  weight: m.weight,
  source: m.source,
  unit: m.unit,
  measured_from: m.measuredFrom,
});

const toResult = (r: Selectable<KpiResultsTable>): KpiResultRecord => ({
  id: r.id,
  contractId: r.contract_id,
  kpiId: r.kpi_id,
  periodEnd: r.period_end,
  value: r.value,
  source: r.source as KpiResultRecord["source"],
  verifiedBy: r.verified_by,
  verifiedOn: r.verified_on,
  note: r.note,
  ratingOverride: r.rating_override as Rating | "",
  overrideReason: r.override_reason,
  demo: r.demo === 1,
});

const toRegime = (r: Selectable<ServiceCreditRegimesTable>): CreditRegime => ({
  contractId: r.contract_id,
  kind: r.kind as CreditRegime["kind"],
  monthlyChargePence: Number(r.monthly_charge_pence),
  creditBp: r.credit_bp,
  pointsPerFailure: r.points_per_failure,
  pencePerPoint: Number(r.pence_per_point),
  capBp: r.cap_bp,
  missingCountsAsFailure: r.missing_counts === 1,
  notes: r.notes,
  demo: r.demo === 1,
});

const toObligation = (r: Selectable<ContractObligationsTable>): ObligationRecord => ({
  id: r.id,
  contractId: r.contract_id,
  kind: r.kind as ObligationRecord["kind"],
  title: r.title,
  owner: r.owner,
  dueDate: r.due_date,
  recurrence: r.recurrence as ObligationRecord["recurrence"],
  status: r.status as ObligationRecord["status"],
  notes: r.notes,
  demo: r.demo === 1,
});

// ---- reads ----

/** The contract's KPIs with their measures, in id order. */
export async function readMeasuredKpis(store: Store, contractId: string): Promise<MeasuredKpi[]> {
  const rows = await perf(store.db)
    .selectFrom("contract_kpis")
    .selectAll()
    .where("contract_id", "=", contractId)
    .orderBy("id")
    .execute();
  return rows.map(toKpi);
}

/** Every contract's KPIs with their measures (for scorecards and the attention list). */
export async function readAllMeasuredKpis(store: Store): Promise<MeasuredKpi[]> {
  const rows = await perf(store.db).selectFrom("contract_kpis").selectAll().orderBy("id").execute();
  return rows.map(toKpi);
}

/** Results of one contract (or of every contract when `contractId` is null), oldest period first. */
export async function readResults(store: Store, contractId: string | null): Promise<KpiResultRecord[]> {
  let q = store.db.selectFrom("kpi_results").selectAll();
  if (contractId !== null) q = q.where("contract_id", "=", contractId);
  const rows = await q.orderBy("period_end").orderBy("kpi_id").execute();
  return rows.map(toResult);
}

export async function readRegime(store: Store, contractId: string): Promise<CreditRegime | null> {
  const r = await store.db
    .selectFrom("service_credit_regimes")
    .selectAll()
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  return r ? toRegime(r) : null;
}

/** Obligations of one contract (every contract's when null), soonest due first. */
export async function readObligations(store: Store, contractId: string | null): Promise<ObligationRecord[]> {
  let q = store.db.selectFrom("contract_obligations").selectAll();
  if (contractId !== null) q = q.where("contract_id", "=", contractId);
  const rows = await q.orderBy("due_date").orderBy("id").execute();
  return rows.map(toObligation);
}

export async function readCompletions(
  store: Store,
  obligationIds: readonly string[],
): Promise<(ObligationCompletion & { obligationId: string })[]> {
  if (obligationIds.length === 0) return [];
  const rows = await store.db
    .selectFrom("obligation_completions")
    .selectAll()
    .where("obligation_id", "in", [...obligationIds])
    .orderBy("due_date")
    .execute();
  return rows.map((r) => ({
    obligationId: r.obligation_id,
    dueDate: r.due_date,
    completedOn: r.completed_on,
    evidence: r.evidence,
    completedBy: r.completed_by,
  }));
}

// ---- writes ----

/** Stores a KPI with its measure in one transaction; 409 when its id is taken. */
export async function insertMeasuredKpi(
  store: Store,
  k: KpiRecord & KpiMeasure,
  createdAt: string,
  actor: Actor,
): Promise<MeasuredKpi> {
  const row: Selectable<ContractKpisTable & KpiMeasureColumns> = {
    id: k.id,
    contract_id: k.contractId,
    title: k.title,
    description: k.description,
    target: k.target,
    created_at: createdAt,
    published: flag(k.published),
    demo: flag(k.demo),
    ...measureColumns(k),
  };
  return store.db.transaction().execute(async (trx) => {
    await insertWithId("KPI", row.id, () => perf(trx).insertInto("contract_kpis").values(row).execute());
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_kpi",
      entityId: row.id,
      reason: actor.reason,
      data: row,
    });
    return toKpi(row);
  });
}

/** Sets how a KPI of the contract is measured; 404 when the contract has no such KPI. */
export async function updateKpiMeasure(
  store: Store,
  contractId: string,
  kpiId: string,
  m: KpiMeasure,
  actor: Actor,
): Promise<MeasuredKpi> {
  return store.db.transaction().execute(async (trx) => {
    const cols = measureColumns(m);
    const done = await perf(trx)
      .updateTable("contract_kpis")
      .set(cols)
      .where("id", "=", kpiId)
      .where("contract_id", "=", contractId)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw new NotFoundError("KPI", kpiId);
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "contract_kpi",
      entityId: kpiId,
      reason: actor.reason,
      data: cols,
    });
    const row = await perf(trx)
      .selectFrom("contract_kpis")
      .selectAll()
      .where("id", "=", kpiId)
      .executeTakeFirstOrThrow();
    return toKpi(row);
  });
}

const resultRow = (r: KpiResultRecord, createdAt: string): Selectable<KpiResultsTable> => ({
  id: r.id,
  contract_id: r.contractId,
  kpi_id: r.kpiId,
  period_end: r.periodEnd,
  value: r.value,
  source: r.source,
  verified_by: r.verifiedBy,
  verified_on: r.verifiedOn,
  note: r.note,
  rating_override: r.ratingOverride,
  override_reason: r.overrideReason,
  created_at: createdAt,
  demo: flag(r.demo),
});

/**
 * Stores results in one transaction with one audit entry: all of them or none. A period that
 * already has a result is a 409 naming it (`where` says where each result came from, e.g. the
 * file's row, for that message).
 */
export async function insertResults(
  store: Store,
  contractId: string,
  results: readonly KpiResultRecord[],
  createdAt: string,
  actor: Actor,
  audit: { entityId: string; data: unknown },
  where: (i: number) => string = () => "",
): Promise<KpiResultRecord[]> {
  return store.db.transaction().execute(async (trx) => {
    for (const [i, r] of results.entries()) {
      if (r.contractId !== contractId)
        throw new RangeError(`result ${r.id} is not of contract ${contractId}`);
      const exists = await trx
        .selectFrom("kpi_results")
        .select("id")
        .where("id", "=", r.id)
        .executeTakeFirst();
      if (exists)
        throw new ConflictError(
          `${where(i)}KPI ${r.kpiId} already has a result for the period ending ${r.periodEnd}; nothing was stored`,
        );
      await trx.insertInto("kpi_results").values(resultRow(r, createdAt)).execute();
    }
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "kpi_result",
      entityId: audit.entityId,
      reason: actor.reason,
      data: audit.data,
    });
    return [...results];
  });
}

/** Marks a supplier-reported result as checked by the authority. */
export async function verifyResult(
  store: Store,
  contractId: string,
  id: string,
  verifiedOn: string,
  actor: Actor,
): Promise<KpiResultRecord> {
  return store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("kpi_results")
      .selectAll()
      .where("id", "=", id)
      .where("contract_id", "=", contractId)
      .executeTakeFirst();
    if (!row) throw new NotFoundError("KPI result", id);
    if (row.verified_by)
      throw new ConflictError(`result ${id} was verified by ${row.verified_by} on ${row.verified_on}`);
    await trx
      .updateTable("kpi_results")
      .set({ verified_by: actor.username, verified_on: verifiedOn })
      .where("id", "=", id)
      .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "kpi_result",
      entityId: id,
      reason: actor.reason,
      data: { verified_by: actor.username, verified_on: verifiedOn },
    });
    return toResult({ ...row, verified_by: actor.username, verified_on: verifiedOn });
  });
}

/** Creates or replaces the contract's regime. */
export async function upsertRegime(
  store: Store,
  r: CreditRegime,
  updatedAt: string,
  actor: Actor,
): Promise<{ regime: CreditRegime; created: boolean }> {
  const row: Selectable<ServiceCreditRegimesTable> = {
    contract_id: r.contractId,
    kind: r.kind,
    monthly_charge_pence: r.monthlyChargePence,
    credit_bp: r.creditBp,
    points_per_failure: r.pointsPerFailure,
    pence_per_point: r.pencePerPoint,
    cap_bp: r.capBp,
    missing_counts: flag(r.missingCountsAsFailure),
    notes: r.notes,
    updated_at: updatedAt,
    demo: flag(r.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    const had = await trx
      .selectFrom("service_credit_regimes")
      .select("contract_id")
      .where("contract_id", "=", r.contractId)
      .executeTakeFirst();
    if (had)
      await trx
        .updateTable("service_credit_regimes")
        .set(row)
        .where("contract_id", "=", r.contractId)
        .execute();
    else await trx.insertInto("service_credit_regimes").values(row).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: had ? "update" : "create",
      entity: "service_credit_regime",
      entityId: r.contractId,
      reason: actor.reason,
      data: row,
    });
    return { regime: toRegime(row), created: !had };
  });
}

export async function insertObligation(
  store: Store,
  o: ObligationRecord,
  createdAt: string,
  actor: Actor,
): Promise<ObligationRecord> {
  const row: Selectable<ContractObligationsTable> = {
    id: o.id,
    contract_id: o.contractId,
    kind: o.kind,
    title: o.title,
    owner: o.owner,
    due_date: o.dueDate,
    recurrence: o.recurrence,
    status: o.status,
    notes: o.notes,
    created_at: createdAt,
    demo: flag(o.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    await insertWithId("obligation", row.id, () =>
      trx.insertInto("contract_obligations").values(row).execute(),
    );
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_obligation",
      entityId: row.id,
      reason: actor.reason,
      data: row,
    });
    return toObligation(row);
  });
}

/** The obligation of this contract, or 404. */
export async function obligationRow(store: Store, contractId: string, id: string): Promise<ObligationRecord> {
  const r = await store.db
    .selectFrom("contract_obligations")
    .selectAll()
    .where("id", "=", id)
    .where("contract_id", "=", contractId)
    .executeTakeFirst();
  if (!r) throw new NotFoundError("obligation", id);
  return toObligation(r);
}

/**
 * Keeps a completion and moves the obligation on, in one transaction; 409 when the occurrence was
 * completed meanwhile (its due date is no longer the one completed).
 */
export async function insertCompletion(
  store: Store,
  before: ObligationRecord,
  c: ObligationCompletion,
  after: ObligationRecord,
  createdAt: string,
  actor: Actor,
  demo = false,
): Promise<ObligationRecord> {
  return store.db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable("contract_obligations")
      .set({ due_date: after.dueDate, status: after.status })
      .where("id", "=", before.id)
      .where("due_date", "=", before.dueDate)
      .where("status", "=", "open")
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0)
      throw new ConflictError(`obligation ${before.id} due ${before.dueDate} is already complete`);
    const id = `${before.id}@${c.dueDate}`;
    await trx
      .insertInto("obligation_completions")
      .values({
        id,
        obligation_id: before.id,
        due_date: c.dueDate,
        completed_on: c.completedOn,
        evidence: c.evidence,
        completed_by: c.completedBy,
        created_at: createdAt,
        demo: flag(demo),
      })
      .execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "update",
      entity: "contract_obligation",
      entityId: before.id,
      reason: actor.reason,
      data: { completion: c, next_due_date: after.status === "done" ? null : after.dueDate },
    });
    return after;
  });
}
