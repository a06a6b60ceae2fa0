/**
 * Services, market-testing waves, contracts, decisions, organisations and elections: the
 * records a commercial team keeps and a scrutineer reads. Reads take a `publishedOnly` switch
 * so the public sees only what has been published; every write is audited.
 */
import type { Insertable, Transaction } from "kysely";
import type { Contract, Decision, Service } from "../contract/records.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import { requireRows } from "./references.ts";
import type {
  ContractRow,
  ContractUpdate,
  Database,
  DecisionRow,
  NewContract,
  NewDecision,
  NewService,
  ServiceRow,
  ServiceUpdate,
  WavesTable,
} from "./schema.ts";
import { insertWithId } from "./unique.ts";

type Trx = Transaction<Database>;

function parseList(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
}

// The API shapes (camelCase, money in integer pence, dates ISO) are the contract's (src/contract/records.ts).
export type { Contract, Decision, Service };

export function toService(r: ServiceRow): Service {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    owner: r.owner,
    annualCostPence: r.annual_cost_pence,
    staff: r.staff,
    volumes: r.volumes,
    classification: r.classification,
    classificationReason: r.classification_reason,
    stage: r.stage,
    waveId: r.wave_id,
    published: r.published === 1,
    demoFields: parseList(r.demo_fields_json),
    source: r.source,
  };
}

export function toContract(r: ContractRow): Contract {
  return {
    id: r.id,
    ocid: r.ocid,
    title: r.title,
    buyer: r.buyer,
    supplier: r.supplier,
    serviceIds: parseList(r.service_ids_json),
    description: r.description,
    valuePence: r.value_pence,
    savingsClaimedPence: r.savings_claimed_pence,
    awardedOn: r.awarded_on,
    startDate: r.start_date,
    endDate: r.end_date,
    maxEndDate: r.max_end_date,
    status: r.status,
    published: r.published === 1,
    demoFields: parseList(r.demo_fields_json),
    source: r.source,
  };
}

export function toDecision(r: DecisionRow): Decision {
  return {
    id: r.id,
    serviceId: r.service_id,
    contractId: r.contract_id,
    decidedOn: r.decided_on,
    gate: r.gate,
    title: r.title,
    outcome: r.outcome,
    rationale: r.rationale,
    drivers: parseList(r.drivers_json),
    decidedBy: r.decided_by,
    outOfOrderReason: r.out_of_order_reason,
    published: r.published === 1,
    demoFields: parseList(r.demo_fields_json),
    source: r.source,
    flags: [],
  };
}

// ---- reads ----

export async function listServices(store: Store, publishedOnly: boolean): Promise<Service[]> {
  let q = store.db.selectFrom("services").selectAll().orderBy("name");
  if (publishedOnly) q = q.where("published", "=", 1);
  return (await q.execute()).map(toService);
}

export async function getService(store: Store, id: string, publishedOnly: boolean): Promise<Service> {
  let q = store.db.selectFrom("services").selectAll().where("id", "=", id);
  if (publishedOnly) q = q.where("published", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError("service", id);
  return toService(row);
}

export async function listContracts(store: Store, publishedOnly: boolean): Promise<Contract[]> {
  let q = store.db.selectFrom("contracts").selectAll().orderBy("start_date");
  if (publishedOnly) q = q.where("published", "=", 1);
  return (await q.execute()).map(toContract);
}

export async function getContract(store: Store, id: string, publishedOnly: boolean): Promise<Contract> {
  let q = store.db.selectFrom("contracts").selectAll().where("id", "=", id);
  if (publishedOnly) q = q.where("published", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError("contract", id);
  return toContract(row);
}

/**
 * Every decision visible with `publishedOnly`, oldest first, without the gate rules' flags
 * (`flags` is empty: src/app/records.ts adds them, comparing each with the others).
 */
export async function listDecisions(store: Store, opts: { publishedOnly: boolean }): Promise<Decision[]> {
  let q = store.db.selectFrom("decisions").selectAll().orderBy("decided_on").orderBy("id");
  if (opts.publishedOnly) q = q.where("published", "=", 1);
  return (await q.execute()).map(toDecision);
}

export async function listWaves(store: Store) {
  return store.db.selectFrom("waves").selectAll().orderBy("starts_on").execute();
}

export async function listElections(store: Store, body?: string) {
  let q = store.db.selectFrom("elections").selectAll().orderBy("held_on");
  if (body) q = q.where("body", "=", body);
  return q.execute();
}

export async function listOrganisations(store: Store) {
  return store.db.selectFrom("organisations").selectAll().orderBy("name").execute();
}

// ---- writes (each in the caller's transaction, each audited; a taken id is a 409) ----

export async function insertService(trx: Trx, row: NewService, actor: Actor): Promise<void> {
  await requireRows(trx, [{ field: "waveId", table: "waves", id: row.wave_id }]);
  await insertWithId("service", row.id, () => trx.insertInto("services").values(row).execute());
  await appendAudit(trx, {
    actor: actor.username,
    action: "create",
    entity: "service",
    entityId: row.id,
    reason: actor.reason,
    data: row,
  });
}

export async function updateService(trx: Trx, id: string, patch: ServiceUpdate, actor: Actor): Promise<void> {
  if (Object.keys(patch).length === 0)
    throw new InputError("nothing to change: send at least one field of the service besides reason");
  await requireRows(trx, [{ field: "waveId", table: "waves", id: patch.wave_id }]);
  const res = await trx.updateTable("services").set(patch).where("id", "=", id).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError("service", id);
  await appendAudit(trx, {
    actor: actor.username,
    action: "update",
    entity: "service",
    entityId: id,
    reason: actor.reason,
    data: patch,
  });
}

export async function insertContract(trx: Trx, row: NewContract, actor: Actor): Promise<void> {
  await insertWithId("contract", row.id, () => trx.insertInto("contracts").values(row).execute());
  await appendAudit(trx, {
    actor: actor.username,
    action: "create",
    entity: "contract",
    entityId: row.id,
    reason: actor.reason,
    data: row,
  });
}

export async function updateContractRow(
  trx: Trx,
  id: string,
  patch: ContractUpdate,
  actor: Actor,
): Promise<void> {
  const res = await trx.updateTable("contracts").set(patch).where("id", "=", id).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError("contract", id);
  await appendAudit(trx, {
    actor: actor.username,
    action: "update",
    entity: "contract",
    entityId: id,
    reason: actor.reason,
    data: patch,
  });
}

export async function insertWave(trx: Trx, row: Insertable<WavesTable>, actor: Actor): Promise<void> {
  await insertWithId("wave", row.id, () => trx.insertInto("waves").values(row).execute());
  await appendAudit(trx, {
    actor: actor.username,
    action: "create",
    entity: "wave",
    entityId: row.id,
    reason: actor.reason,
    data: row,
  });
}

export async function insertDecision(trx: Trx, row: NewDecision, actor: Actor): Promise<void> {
  await requireRows(trx, [
    { field: "serviceId", table: "services", id: row.service_id },
    { field: "contractId", table: "contracts", id: row.contract_id },
  ]);
  await insertWithId("decision", row.id, () => trx.insertInto("decisions").values(row).execute());
  await appendAudit(trx, {
    actor: actor.username,
    action: "create",
    entity: "decision",
    entityId: row.id,
    reason: actor.reason,
    data: row,
  });
}

export async function setPublished(
  trx: Trx,
  table: "services" | "contracts" | "decisions",
  id: string,
  published: boolean,
  actor: Actor,
): Promise<void> {
  const res = await trx
    .updateTable(table)
    .set({ published: published ? 1 : 0 })
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError(table.slice(0, -1), id);
  await appendAudit(trx, {
    actor: actor.username,
    action: published ? "publish" : "unpublish",
    entity: table.slice(0, -1),
    entityId: id,
    reason: actor.reason,
  });
}
