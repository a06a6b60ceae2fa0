/**
 * What Decide's requests do: store a decision document once the engine's own schema
 * accepts it, record a gate step the gates accept, and compute the engine's results over stored
 * documents (appraisal on the derived-results worker, delivery model assessment, workforce,
 * capability, accountability horizon against the stored election calendar, the gate history with
 * its flags). The API routes (src/server/routes/decide.ts) call these; the results themselves are
 * pure (src/app/decide-results.ts, which the CLI calls too); the store (src/store/decide.ts) only
 * reads and writes rows.
 */
import type {
  DealDocument,
  DecideKind,
  DocumentBody,
  GateEventBody,
  GateEventRecord,
  GateHistory,
  HorizonResult,
  StoredDocument,
} from "../contract/decide.ts";
import { parseCapability } from "../decide/capability/capability-schema.ts";
import { parseCase } from "../decide/case/parse-case.ts";
import type { CaseReport } from "../decide/case/run-case.ts";
import { parseDma } from "../decide/dma/dma-schema.ts";
import { gateHistorySchema } from "../decide/gates/history-schema.ts";
import { parseContract } from "../decide/horizon/contract-schema.ts";
import { horizonJson } from "../decide/horizon/horizon-json.ts";
import { parseWorkforce } from "../decide/workforce/workforce-schema.ts";
import { InputError, NotFoundError } from "../shared/errors.ts";
import { withAudit } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import {
  type Actor,
  type DocumentInput,
  type GateEventInput,
  electionCalendar,
  getDocument,
  insertGateEvent,
  listDocuments,
  listGateEvents,
  putDocument,
  setDocumentPublished,
  setGateEventPublished,
} from "../store/decide.ts";
import { insertPublished } from "../store/decide-drafts.ts";
import { getContract } from "../store/records.ts";
import type { AppraisalResults } from "./appraisal-result.ts";
import {
  capabilityResult,
  dmaResult,
  gateHistory,
  horizonReport,
  workforceResult,
} from "./decide-results.ts";

export * from "./decide-results.ts";

type Trx = Parameters<Parameters<typeof withAudit>[1]>[0];

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

/** Throws an InputError naming the field when the gates' schema refuses the event. */
export function validateGateEvent(e: GateEventInput): void {
  const event = {
    gate: e.gate,
    action: e.action,
    date: e.date,
    by: e.by,
    role: e.role,
    ...(e.evidence ? { evidence: e.evidence } : {}),
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.drivers ? { drivers: e.drivers } : {}),
    ...(e.assessmentRecommends ? { assessmentRecommends: e.assessmentRecommends } : {}),
    ...(e.optionChosen ? { optionChosen: e.optionChosen } : {}),
  };
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

// ---- writes ----

/** Validates a document by its kind's engine schema and writes it (in the caller's transaction). */
export async function putValidDocument(
  trx: Trx,
  input: DocumentInput,
  actor: Actor,
  at?: string,
): Promise<"create" | "update"> {
  validateDocument(input.kind, input.document);
  return putDocument(trx, input, actor, at);
}

/** Validates a gate event by the gates' schema and records it (in the caller's transaction). */
export async function recordValidGateEvent(
  trx: Trx,
  e: GateEventInput,
  actor: Actor,
  at?: string,
): Promise<void> {
  validateGateEvent(e);
  await insertGateEvent(trx, e, actor, at);
}

/**
 * Creates or replaces a document from an API body; answers whether it was created, and the
 * document. The write is also recorded as the document's next version, published (author, reason,
 * time), in the same audited transaction, so the version history holds every stored change.
 */
export async function saveDocument<K extends DecideKind>(
  store: Store,
  kind: K,
  id: string,
  body: DocumentBody,
  actor: Actor,
  at = new Date().toISOString(),
): Promise<{ action: "create" | "update"; document: Extract<StoredDocument, { kind: K }> }> {
  const input = {
    kind,
    id,
    serviceId: body.serviceId ?? null,
    contractId: body.contractId ?? null,
    title: body.title,
    document: body.document,
  };
  const action = await withAudit(store, async (trx) => {
    const done = await putValidDocument(trx, input, actor, at);
    await insertPublished(trx, input, actor, at);
    return done;
  });
  return { action, document: await getDocument(store, kind, id, false) };
}

export async function publishDocument(
  store: Store,
  kind: DecideKind,
  id: string,
  published: boolean,
  actor: Actor,
): Promise<{ id: string; published: boolean }> {
  await withAudit(store, (trx) => setDocumentPublished(trx, kind, id, published, actor));
  return { id, published };
}

/** Records a gate step from an API body (`why` is the audit reason); answers the stored event. */
export async function recordGateEvent(
  store: Store,
  b: GateEventBody,
  username: string,
): Promise<GateEventRecord> {
  await withAudit(store, (trx) =>
    recordValidGateEvent(
      trx,
      {
        id: b.id,
        serviceId: b.serviceId ?? null,
        contractId: b.contractId ?? null,
        gate: b.gate,
        action: b.action,
        date: b.date,
        by: b.by,
        role: b.role,
        ...(b.evidence ? { evidence: b.evidence } : {}),
        ...(b.reason ? { reason: b.reason } : {}),
        ...(b.drivers ? { drivers: b.drivers } : {}),
        ...(b.published !== undefined ? { published: b.published } : {}),
        ...(b.assessmentRecommends ? { assessmentRecommends: b.assessmentRecommends } : {}),
        ...(b.optionChosen ? { optionChosen: b.optionChosen } : {}),
      },
      { username, reason: b.why },
    ),
  );
  const events = await listGateEvents(store, { publishedOnly: false });
  return events.find((e) => e.id === b.id)!;
}

export async function publishGateEvent(
  store: Store,
  id: string,
  published: boolean,
  actor: Actor,
): Promise<{ id: string; published: boolean }> {
  await withAudit(store, (trx) => setGateEventPublished(trx, id, published, actor));
  return { id, published };
}

/** The horizon of a stored payment profile, against the stored London mayoral calendar. */
export async function horizonResult(store: Store, document: unknown): Promise<HorizonResult> {
  const { report, electionsFrom } = horizonReport(document, await electionCalendar(store, "london-mayor"));
  return { ...horizonJson(report), electionsFrom };
}

/** What the reads take: whether the caller sees only published records. */
export interface Visibility {
  publishedOnly: boolean;
}

export type AppraisalQuery = { seed?: number; iterations?: number };

/** The engine's result for a stored document of any kind, with the document. */
export async function withResult(
  store: Store,
  appraisals: AppraisalResults,
  doc: StoredDocument,
  query: AppraisalQuery,
): Promise<DealDocument> {
  switch (doc.kind) {
    case "appraisal":
      return { ...doc, result: (await appraisals.result(doc, query)) as CaseReport };
    case "dma":
      return { ...doc, result: dmaResult(doc.document) };
    case "workforce":
      return { ...doc, result: workforceResult(doc.document) };
    case "capability":
      return { ...doc, result: capabilityResult(doc.document) };
    case "horizon":
      return { ...doc, result: await horizonResult(store, doc.document) };
  }
}

/** The gate history of a service or contract (or all), as the caller may see it. */
export async function subjectGateHistory(
  store: Store,
  filter: { serviceId?: string; contractId?: string },
  v: Visibility,
): Promise<GateHistory> {
  return gateHistory(await listGateEvents(store, { ...filter, ...v }));
}

/** The horizon of a contract's payment profile; 404 when the contract has none the caller may see. */
export async function contractHorizon(store: Store, contractId: string, v: Visibility) {
  const contract = await getContract(store, contractId, v.publishedOnly);
  const [doc] = await listDocuments(store, "horizon", { contractId: contract.id, ...v });
  if (!doc) throw new NotFoundError("payment profile of contract", contract.id);
  return {
    id: doc.id,
    contractId: contract.id,
    demoFields: doc.demoFields,
    result: await horizonResult(store, doc.document),
  };
}

/** Everything Decide holds on a contract's deal: its documents with the engine's results, and its gates. */
export async function deal(
  store: Store,
  appraisals: AppraisalResults,
  contractId: string,
  query: AppraisalQuery,
  v: Visibility,
) {
  const contract = await getContract(store, contractId, v.publishedOnly);
  const docs = await listDocuments(store, null, { contractId: contract.id, ...v });
  const documents: DealDocument[] = [];
  for (const doc of docs) documents.push(await withResult(store, appraisals, doc, query));
  const gates = await subjectGateHistory(store, { contractId: contract.id }, v);
  return { contract, documents, gates };
}
