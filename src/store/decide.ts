/**
 * Decide in the store: appraisal cases, delivery model assessments, workforce impacts,
 * capability self-assessments and payment profiles as documents (the engine's file form, as
 * given), gate events as rows, and the stored election calendar. Reads take `publishedOnly`;
 * every write is audited. Validating a document by the engine's schema and computing results
 * over it are the use cases' (src/app/decide.ts), not the store's.
 */
import type { Transaction } from "kysely";
import type { DecideKind, DocumentOfKind, GateEventRecord, StoredDocument } from "../contract/decide.ts";
import type { ElectionCalendar } from "../decide/horizon/elections.ts";
import { NotFoundError } from "../shared/errors.ts";
import { type Actor, appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { DecideDocumentRow, DecideGateEventRow } from "./decide-schema.ts";
import { requireRows } from "./references.ts";
import type { Database } from "./schema.ts";
import { insertWithId } from "./unique.ts";

type Trx = Transaction<Database>;

export type { Actor };

/** A stored document, as the API answers it (declared in src/contract/decide.ts). */
export type DecideDocument = StoredDocument;
export type { GateEventRecord };

const list = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

export function toDocument(r: DecideDocumentRow): DecideDocument {
  // The document was validated by the engine's schema for its kind when it was written.
  return {
    kind: r.kind,
    id: r.id,
    serviceId: r.service_id,
    contractId: r.contract_id,
    title: r.title,
    document: JSON.parse(r.body_json) as unknown,
    published: r.published === 1,
    demoFields: list(r.demo_fields_json),
    source: r.source,
    updatedAt: r.updated_at,
  } as DecideDocument;
}

export function toGateEvent(r: DecideGateEventRow): GateEventRecord {
  return {
    id: r.id,
    serviceId: r.service_id,
    contractId: r.contract_id,
    gate: r.gate,
    action: r.action,
    date: r.date,
    by: r.by_name,
    role: r.role,
    evidence: list(r.evidence_json),
    reason: r.reason,
    drivers: list(r.drivers_json),
    published: r.published === 1,
    demoFields: list(r.demo_fields_json),
    source: r.source,
    assessmentRecommends: r.assessment_recommends,
    optionChosen: r.option_chosen,
  };
}

// ---- reads ----

export async function listDocuments<K extends DecideKind>(
  store: Store,
  kind: K | null,
  opts: { serviceId?: string; contractId?: string; publishedOnly: boolean },
): Promise<DocumentOfKind<K>[]> {
  let q = store.db.selectFrom("decide_documents").selectAll().orderBy("kind").orderBy("id");
  if (kind) q = q.where("kind", "=", kind);
  if (opts.serviceId) q = q.where("service_id", "=", opts.serviceId);
  if (opts.contractId) q = q.where("contract_id", "=", opts.contractId);
  if (opts.publishedOnly) q = q.where("published", "=", 1);
  return (await q.execute()).map(toDocument) as DocumentOfKind<K>[];
}

export async function getDocument<K extends DecideKind>(
  store: Store,
  kind: K,
  id: string,
  publishedOnly: boolean,
): Promise<DocumentOfKind<K>> {
  let q = store.db.selectFrom("decide_documents").selectAll().where("kind", "=", kind).where("id", "=", id);
  if (publishedOnly) q = q.where("published", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError(kind, id);
  return toDocument(row) as DocumentOfKind<K>;
}

export async function listGateEvents(
  store: Store,
  opts: { serviceId?: string; contractId?: string; publishedOnly: boolean },
): Promise<GateEventRecord[]> {
  let q = store.db.selectFrom("decide_gate_events").selectAll().orderBy("date").orderBy("id");
  if (opts.serviceId) q = q.where("service_id", "=", opts.serviceId);
  if (opts.contractId) q = q.where("contract_id", "=", opts.contractId);
  if (opts.publishedOnly) q = q.where("published", "=", 1);
  return (await q.execute()).map(toGateEvent);
}

/** The stored election calendar of a body (`elections` table); null when none is stored. */
export async function electionCalendar(
  store: Store,
  body = "london-mayor",
): Promise<ElectionCalendar | null> {
  const rows = await store.db
    .selectFrom("elections")
    .select("held_on")
    .where("body", "=", body)
    .orderBy("held_on")
    .execute();
  if (rows.length === 0) return null;
  return {
    body: body === "london-mayor" ? "Mayor of London" : body,
    dates: rows.map((r) => r.held_on),
    termYears: 4,
    next: "first-thursday-in-may",
  };
}

// ---- writes ----

export interface DocumentInput {
  kind: DecideKind;
  id: string;
  serviceId: string | null;
  contractId: string | null;
  title: string;
  document: unknown;
  demoFields?: string[];
  source?: string;
  published?: boolean;
}

/**
 * Creates or replaces a document; returns "create" or "update". The caller has validated the
 * document by the engine's schema for its kind (src/app/decide.ts).
 */
export async function putDocument(
  trx: Trx,
  input: DocumentInput,
  actor: Actor,
  at?: string,
): Promise<"create" | "update"> {
  await requireRows(trx, [
    { field: "serviceId", table: "services", id: input.serviceId },
    { field: "contractId", table: "contracts", id: input.contractId },
  ]);
  const existing = await trx
    .selectFrom("decide_documents")
    .select(["id", "published"])
    .where("kind", "=", input.kind)
    .where("id", "=", input.id)
    .executeTakeFirst();
  const row = {
    kind: input.kind,
    id: input.id,
    service_id: input.serviceId,
    contract_id: input.contractId,
    title: input.title,
    body_json: JSON.stringify(input.document),
    published: input.published === undefined ? (existing?.published ?? 0) : input.published ? 1 : 0,
    demo_fields_json: JSON.stringify(input.demoFields ?? []),
    source: input.source ?? "",
    updated_at: at ?? new Date().toISOString(),
  };
  if (existing) {
    await trx
      .updateTable("decide_documents")
      .set(row)
      .where("kind", "=", input.kind)
      .where("id", "=", input.id)
      .execute();
  } else {
    await trx.insertInto("decide_documents").values(row).execute();
  }
  const action = existing ? "update" : "create";
  await appendAudit(trx, {
    actor: actor.username,
    action,
    entity: `decide-${input.kind}`,
    entityId: input.id,
    reason: actor.reason,
    data: {
      serviceId: input.serviceId,
      contractId: input.contractId,
      title: input.title,
      document: input.document,
    },
    ...(at ? { at } : {}),
  });
  return action;
}

export async function setDocumentPublished(
  trx: Trx,
  kind: DecideKind,
  id: string,
  published: boolean,
  actor: Actor,
): Promise<void> {
  const res = await trx
    .updateTable("decide_documents")
    .set({ published: published ? 1 : 0 })
    .where("kind", "=", kind)
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError(kind, id);
  await appendAudit(trx, {
    actor: actor.username,
    action: published ? "publish" : "unpublish",
    entity: `decide-${kind}`,
    entityId: id,
    reason: actor.reason,
  });
}

/** Publishes or withdraws one gate event (the public sees only published ones). */
export async function setGateEventPublished(
  trx: Trx,
  id: string,
  published: boolean,
  actor: Actor,
): Promise<void> {
  const res = await trx
    .updateTable("decide_gate_events")
    .set({ published: published ? 1 : 0 })
    .where("id", "=", id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError("gate event", id);
  await appendAudit(trx, {
    actor: actor.username,
    action: published ? "publish" : "unpublish",
    entity: "decide-gate-event",
    entityId: id,
    reason: actor.reason,
  });
}

export interface GateEventInput {
  id: string;
  serviceId: string | null;
  contractId: string | null;
  gate: string;
  action: "start" | "approve" | "reject";
  date: string;
  by: string;
  role: string;
  evidence?: string[];
  reason?: string | null;
  drivers?: string[];
  published?: boolean;
  demoFields?: string[];
  source?: string;
  assessmentRecommends?: string | null;
  optionChosen?: string | null;
}

/** Records a gate event the caller has validated by the gates' schema (src/app/decide.ts). */
export async function insertGateEvent(trx: Trx, e: GateEventInput, actor: Actor, at?: string): Promise<void> {
  const row = {
    id: e.id,
    service_id: e.serviceId,
    contract_id: e.contractId,
    gate: e.gate,
    action: e.action,
    date: e.date,
    by_name: e.by,
    role: e.role,
    evidence_json: JSON.stringify(e.evidence ?? []),
    reason: e.reason ?? null,
    drivers_json: JSON.stringify(e.drivers ?? []),
    published: e.published ? 1 : 0,
    demo_fields_json: JSON.stringify(e.demoFields ?? []),
    source: e.source ?? "",
    assessment_recommends: e.assessmentRecommends ?? null,
    option_chosen: e.optionChosen ?? null,
  };
  await requireRows(trx, [
    { field: "serviceId", table: "services", id: e.serviceId },
    { field: "contractId", table: "contracts", id: e.contractId },
  ]);
  await insertWithId("gate event", e.id, () => trx.insertInto("decide_gate_events").values(row).execute());
  await appendAudit(trx, {
    actor: actor.username,
    action: "create",
    entity: "decide-gate-event",
    entityId: e.id,
    reason: actor.reason,
    data: row,
    ...(at ? { at } : {}),
  });
}
