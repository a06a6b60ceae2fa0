/**
 * Decide in the store: appraisal cases, delivery model assessments, workforce impacts,
 * capability self-assessments and payment profiles as documents validated by the engine's own
 * schemas, and gate events as rows. Reads take `publishedOnly`; every write is audited. The
 * computed results (appraisal, horizon, gate history...) are the engine's, over stored data and
 * the stored election calendar.
 */
import type { Transaction } from "kysely";
import {
  accountabilityHorizon,
  assessCapability,
  assessDeliveryModels,
  type CaseReport,
  type ElectionCalendar,
  evaluateGates,
  type GateEvent,
  gateHistorySchema,
  horizonJson,
  parseCapability,
  parseCase,
  parseContract,
  parseDma,
  parseWorkforce,
  runCase,
  workforceSummary,
} from "../decide/index.ts";
import * as demo from "../demo/decide.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import type { DecideDocumentRow, DecideGateEventRow, DecideKind } from "./decide-schema.ts";
import { requireRows } from "./references.ts";
import type { Database } from "./schema.ts";
import { insertWithId } from "./unique.ts";

type Trx = Transaction<Database>;

export interface Actor {
  username: string;
  reason: string;
}

// ---- API shapes ----

export interface DecideDocument {
  kind: DecideKind;
  id: string;
  serviceId: string | null;
  contractId: string | null;
  title: string;
  /** The engine's input, as stored. */
  document: unknown;
  published: boolean;
  demoFields: string[];
  source: string;
  updatedAt: string;
}

export interface GateEventRecord {
  id: string;
  serviceId: string | null;
  contractId: string | null;
  gate: string;
  action: "start" | "approve" | "reject";
  date: string;
  by: string;
  role: string;
  evidence: string[];
  reason: string | null;
  drivers: string[];
  published: boolean;
  demoFields: string[];
  source: string;
}

const list = (json: string): string[] => {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.map(String) : [];
};

export function toDocument(r: DecideDocumentRow): DecideDocument {
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
  };
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
  };
}

// ---- validation by the engine's schemas ----

/**
 * Re-roots an engine validation error under the request field that carried the document, so
 * the API names `$.document.options[0].cashflows[1].amount` rather than a path in a file.
 */
function underField(err: unknown, field: string): never {
  if (!(err instanceof InputError) || err.status !== 400) throw err;
  const reroot = (p: string | undefined) => (p ? `$.${field}${p.slice(1)}` : `$.${field}`);
  const path = reroot(err.location.path);
  const details = Array.isArray(err.details)
    ? (err.details as Array<{ path?: string; message?: string }>).map((d) => ({
        ...d,
        path: reroot(d.path),
      }))
    : err.details;
  throw new InputError(`${path}: ${err.message}`, { code: err.code, location: { path }, details });
}

const PARSERS: Record<DecideKind, (data: unknown) => unknown> = {
  appraisal: parseCase,
  dma: parseDma,
  workforce: parseWorkforce,
  capability: parseCapability,
  horizon: parseContract,
};

/** Throws an InputError naming the JSON path (under `field`) when the document is not valid. */
export function validateDocument(kind: DecideKind, document: unknown, field = "document"): void {
  try {
    PARSERS[kind](document);
  } catch (err) {
    underField(err, field);
  }
}

export function validateGateEvent(event: Omit<GateEvent, "role"> & { role: string }): void {
  try {
    const r = gateHistorySchema.safeParse({ service: "-", events: [event] }, { reportInput: true });
    if (!r.success) {
      const issue = r.error.issues[0]!;
      const rest = issue.path.slice(2).map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`));
      const path = `$${rest.join("")}`;
      throw new InputError(`${path}: ${issue.message}`, { location: { path } });
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(String(err));
  }
}

// ---- reads ----

export async function listDocuments(
  store: Store,
  kind: DecideKind | null,
  opts: { serviceId?: string; contractId?: string; publishedOnly: boolean },
): Promise<DecideDocument[]> {
  let q = store.db.selectFrom("decide_documents").selectAll().orderBy("kind").orderBy("id");
  if (kind) q = q.where("kind", "=", kind);
  if (opts.serviceId) q = q.where("service_id", "=", opts.serviceId);
  if (opts.contractId) q = q.where("contract_id", "=", opts.contractId);
  if (opts.publishedOnly) q = q.where("published", "=", 1);
  return (await q.execute()).map(toDocument);
}

export async function getDocument(
  store: Store,
  kind: DecideKind,
  id: string,
  publishedOnly: boolean,
): Promise<DecideDocument> {
  let q = store.db.selectFrom("decide_documents").selectAll().where("kind", "=", kind).where("id", "=", id);
  if (publishedOnly) q = q.where("published", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError(kind, id);
  return toDocument(row);
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

// ---- computed results (the engine's) ----

export const MAX_ITERATIONS = 200_000;

/**
 * Everything an appraisal result depends on: the case as stored and the seed and iterations
 * asked for (the case's own, or the engine's defaults, when not given). A derived-result cache
 * keys the result by these (src/app/appraisal-result.ts), so replacing the case with a new
 * version (putDocument) is a new key and the result is computed again.
 */
export function appraisalInputs(
  doc: DecideDocument,
  opts: { seed?: number; iterations?: number },
): { document: unknown; seed?: number; iterations?: number } {
  return {
    document: doc.document,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
  };
}

/** The engine's appraisal of a stored case, on this thread (the API uses src/app/appraisal-result.ts). */
export function appraisalResult(
  doc: DecideDocument,
  opts: { seed?: number; iterations?: number },
): CaseReport {
  return runCase(parseCase(doc.document), opts);
}

export function dmaResult(doc: DecideDocument) {
  const dma = parseDma(doc.document);
  return { ...assessDeliveryModels(dma), options: dma.options, criteria: dma.criteria, scores: dma.scores };
}

export function workforceResult(doc: DecideDocument) {
  return workforceSummary(parseWorkforce(doc.document));
}

export function capabilityResult(doc: DecideDocument) {
  const c = parseCapability(doc.document);
  return { body: c.body, ...assessCapability(c.areas) };
}

/**
 * The accountability horizon of a stored payment profile. A profile on the London mayoral
 * calendar uses the election dates stored in the `elections` table (body london-mayor).
 */
export async function horizonResult(store: Store, doc: DecideDocument) {
  const input = parseContract(doc.document);
  const usesPreset = typeof input.file.elections === "string";
  const stored = usesPreset ? await electionCalendar(store, "london-mayor") : null;
  const report = accountabilityHorizon({ ...input, ...(stored ? { elections: stored } : {}) });
  return {
    ...horizonJson(report),
    electionsFrom: stored ? "elections table (london-mayor)" : "contract file",
  };
}

export function gateHistory(events: GateEventRecord[]) {
  const evaluation = evaluateGates(
    events.map((e) => ({
      gate: e.gate,
      action: e.action,
      date: e.date,
      by: e.by,
      role: e.role as GateEvent["role"],
      evidence: e.evidence,
      ...(e.reason ? { reason: e.reason } : {}),
      drivers: e.drivers as GateEvent["drivers"],
    })),
  );
  // Findings name events by their index in the list given; attach them to the events.
  const perEvent = events.map((e, i) => {
    const mine = evaluation.findings.filter(
      (f) => f.path === `$.events[${i}]` || f.path.startsWith(`$.events[${i}].`),
    );
    const flags: string[] = [];
    if (mine.some((f) => f.code === "G-ORDER" || f.code === "G-ORDER-UNEXPLAINED"))
      flags.push("not the logical order");
    if (mine.some((f) => f.code === "G-BUDGET-DRIVEN")) flags.push("budget-driven");
    return { ...e, flags, findings: mine };
  });
  return { ...evaluation, events: perEvent };
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

/** Creates or replaces a document; returns "create" or "update". */
export async function putDocument(
  trx: Trx,
  input: DocumentInput,
  actor: Actor,
  at?: string,
): Promise<string> {
  validateDocument(input.kind, input.document);
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
}

export async function insertGateEvent(trx: Trx, e: GateEventInput, actor: Actor, at?: string): Promise<void> {
  validateGateEvent({
    gate: e.gate,
    action: e.action,
    date: e.date,
    by: e.by,
    role: e.role,
    ...(e.evidence ? { evidence: e.evidence } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.drivers ? { drivers: e.drivers as GateEvent["drivers"] } : {}),
  });
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

// ---- demo ----

const DEMO_ACTOR: Actor = { username: "demo-loader", reason: "demo scenario loaded (Decide)" };

/** Loads the Decide demo for the SSCL business support services deal (src/demo/decide.ts). */
export async function loadDecideDemo(store: Store): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const d of demo.documents) await putDocument(trx, { ...d, published: true }, DEMO_ACTOR);
    for (const e of demo.gateEvents) await insertGateEvent(trx, { ...e, published: true }, DEMO_ACTOR);
  });
}
