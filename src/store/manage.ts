/**
 * Contract events in the store: KPIs, performance ratings, changes and termination, read and
 * written (each write one audited transaction), and what the notices built from them read (the
 * contract row, the releases held for its ocid, an organisation's id). What the events mean -
 * checks, the UK10 assessment, which notices can be produced - is src/manage's and
 * src/ocds/notices', composed by the use cases in src/app/manage.ts.
 */
import type { Selectable } from "kysely";
import type { ChangeFacts } from "../manage/change.ts";
import type { KpiRecord } from "../manage/kpi.ts";
import type { Rating, RatingRecord } from "../manage/rating.ts";
import type { TerminationReason, TerminationRecord } from "../manage/termination.ts";
import type { JsonObject } from "../ocds/types.ts";
import { ConflictError, InputError, NotFoundError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type {
  ContractChangesTable,
  ContractKpisTable,
  ContractRatingsTable,
  ContractTerminationsTable,
} from "./manage-schema.ts";
import type { Store } from "./db.ts";
import type { ContractRow } from "./schema.ts";
import { insertWithId } from "./unique.ts";

/** A contract's events as stored (changes without their notice assessment), oldest first. */
export interface StoredContractEvents {
  kpis: KpiRecord[];
  ratings: RatingRecord[];
  changes: ChangeFacts[];
  termination: TerminationRecord | null;
}

const flag = (b: boolean) => (b ? 1 : 0);

const toKpi = (r: Selectable<ContractKpisTable>): KpiRecord => ({
  id: r.id,
  contractId: r.contract_id,
  title: r.title,
  description: r.description,
  target: r.target,
  published: r.published === 1,
  demo: r.demo === 1,
});
const toRating = (r: Selectable<ContractRatingsTable>): RatingRecord => ({
  id: r.id,
  contractId: r.contract_id,
  kpiId: r.kpi_id,
  periodEnd: r.period_end,
  rating: r.rating as Rating,
  explanation: r.explanation,
  published: r.published === 1,
  demo: r.demo === 1,
});
const toChange = (r: Selectable<ContractChangesTable>): ChangeFacts => ({
  id: r.id,
  contractId: r.contract_id,
  changedOn: r.changed_on,
  works: r.works === 1,
  valueBeforePence: Number(r.value_before_pence),
  valueAfterPence: Number(r.value_after_pence),
  startDate: r.start_date,
  endBefore: r.end_before,
  endAfter: r.end_after,
  description: r.description,
  rationale: r.rationale,
  published: r.published === 1,
  demo: r.demo === 1,
});
const toTermination = (r: Selectable<ContractTerminationsTable>): TerminationRecord => ({
  contractId: r.contract_id,
  terminatedOn: r.terminated_on,
  reason: r.reason as TerminationReason,
  explanation: r.explanation,
  totalPaidPence: Number(r.total_paid_pence),
  published: r.published === 1,
  demo: r.demo === 1,
});

/** The contract's register row (only a published one when `publishedOnly`); 404 when there is none. */
export async function contractRow(store: Store, id: string, publishedOnly: boolean): Promise<ContractRow> {
  let q = store.db.selectFrom("contracts").selectAll().where("id", "=", id);
  if (publishedOnly) q = q.where("published", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError("contract", id);
  return row;
}

/** The contract's events (only published ones when `publishedOnly`); 404 when the contract is not there. */
export async function readContractEvents(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<StoredContractEvents> {
  await contractRow(store, contractId, publishedOnly);
  const pub = publishedOnly ? [1] : [0, 1];
  const kpis = await store.db
    .selectFrom("contract_kpis")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("published", "in", pub)
    .orderBy("id")
    .execute();
  const ratings = await store.db
    .selectFrom("contract_ratings")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("published", "in", pub)
    .orderBy("period_end")
    .orderBy("kpi_id")
    .execute();
  const changes = await store.db
    .selectFrom("contract_changes")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("published", "in", pub)
    .orderBy("changed_on")
    .orderBy("id")
    .execute();
  const term = await store.db
    .selectFrom("contract_terminations")
    .selectAll()
    .where("contract_id", "=", contractId)
    .where("published", "in", pub)
    .executeTakeFirst();
  return {
    kpis: kpis.map(toKpi),
    ratings: ratings.map(toRating),
    changes: changes.map(toChange),
    termination: term ? toTermination(term) : null,
  };
}

/** Stores a KPI; 409 when its id is taken. `createdAt` is an ISO timestamp. */
export async function insertKpi(
  store: Store,
  k: KpiRecord,
  createdAt: string,
  actor: Actor,
): Promise<KpiRecord> {
  const row: Selectable<ContractKpisTable> = {
    id: k.id,
    contract_id: k.contractId,
    title: k.title,
    description: k.description,
    target: k.target,
    created_at: createdAt,
    published: flag(k.published),
    demo: flag(k.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    await insertWithId("KPI", row.id, () => trx.insertInto("contract_kpis").values(row).execute());
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

/** Stores a rating of a KPI of the same contract; 400 when there is no such KPI, 409 when the period is rated. */
export async function insertRating(
  store: Store,
  r: RatingRecord,
  createdAt: string,
  actor: Actor,
): Promise<RatingRecord> {
  const row: Selectable<ContractRatingsTable> = {
    id: r.id,
    contract_id: r.contractId,
    kpi_id: r.kpiId,
    period_end: r.periodEnd,
    rating: r.rating,
    explanation: r.explanation,
    created_at: createdAt,
    published: flag(r.published),
    demo: flag(r.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    const kpi = await trx
      .selectFrom("contract_kpis")
      .select("id")
      .where("id", "=", r.kpiId)
      .where("contract_id", "=", r.contractId)
      .executeTakeFirst();
    if (!kpi)
      throw new InputError(`contract ${r.contractId} has no KPI ${r.kpiId}`, {
        location: { path: "$.kpiId" },
      });
    const exists = await trx
      .selectFrom("contract_ratings")
      .select("id")
      .where("id", "=", row.id)
      .executeTakeFirst();
    if (exists)
      throw new ConflictError(`KPI ${r.kpiId} is already rated for the period ending ${r.periodEnd}`);
    await trx.insertInto("contract_ratings").values(row).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_rating",
      entityId: row.id,
      reason: actor.reason,
      data: row,
    });
    return toRating(row);
  });
}

/** Stores a contract change; 409 when its id is taken. */
export async function insertChange(
  store: Store,
  c: ChangeFacts,
  createdAt: string,
  actor: Actor,
): Promise<ChangeFacts> {
  const row: Selectable<ContractChangesTable> = {
    id: c.id,
    contract_id: c.contractId,
    changed_on: c.changedOn,
    works: flag(c.works),
    value_before_pence: c.valueBeforePence,
    value_after_pence: c.valueAfterPence,
    start_date: c.startDate,
    end_before: c.endBefore,
    end_after: c.endAfter,
    description: c.description,
    rationale: c.rationale,
    created_at: createdAt,
    published: flag(c.published),
    demo: flag(c.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    await insertWithId("contract change", row.id, () =>
      trx.insertInto("contract_changes").values(row).execute(),
    );
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_change",
      entityId: row.id,
      reason: actor.reason,
      data: row,
    });
    return toChange(row);
  });
}

/** Stores how a contract ended; 409 when a termination is already recorded. */
export async function insertTermination(
  store: Store,
  t: TerminationRecord,
  createdAt: string,
  actor: Actor,
): Promise<TerminationRecord> {
  const row: Selectable<ContractTerminationsTable> = {
    contract_id: t.contractId,
    terminated_on: t.terminatedOn,
    reason: t.reason,
    explanation: t.explanation,
    total_paid_pence: t.totalPaidPence,
    created_at: createdAt,
    published: flag(t.published),
    demo: flag(t.demo),
  };
  return store.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("contract_terminations")
      .select("contract_id")
      .where("contract_id", "=", t.contractId)
      .executeTakeFirst();
    if (exists) throw new ConflictError(`contract ${t.contractId} already has a termination recorded`);
    await trx.insertInto("contract_terminations").values(row).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_termination",
      entityId: t.contractId,
      reason: actor.reason,
      data: row,
    });
    return toTermination(row);
  });
}

/** The releases held for an ocid, in date and id order (none when the contract has no ocid). */
export async function releasesOfOcid(store: Store, ocid: string | null): Promise<JsonObject[]> {
  if (!ocid) return [];
  const rows = await store.db
    .selectFrom("releases")
    .select("data_json")
    .where("ocid", "=", ocid)
    .orderBy("date")
    .orderBy("release_id")
    .execute();
  return rows.map((r) => JSON.parse(r.data_json) as JsonObject);
}

/** The register's id of the organisation with this name, or null. */
export async function organisationIdByName(store: Store, name: string): Promise<string | null> {
  const o = await store.db
    .selectFrom("organisations")
    .select("id")
    .where("name", "=", name)
    .executeTakeFirst();
  return o ? o.id : null;
}

/** Which of these release ids of one ocid are held. */
export async function heldReleaseIds(
  store: Store,
  ocid: string,
  releaseIds: readonly string[],
): Promise<Set<string>> {
  if (releaseIds.length === 0) return new Set();
  const rows = await store.db
    .selectFrom("releases")
    .select("release_id")
    .where("ocid", "=", ocid)
    .where("release_id", "in", [...releaseIds])
    .execute();
  return new Set(rows.map((r) => r.release_id));
}
