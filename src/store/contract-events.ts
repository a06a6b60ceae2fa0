/**
 * Contract events for Procurement Act 2023 notices - KPIs, performance ratings, changes and
 * termination - and the notices nous can produce from them. Every write is one audited
 * transaction. This module loads the contract, its events and the releases held for its ocid;
 * which notices can be produced, and their releases, is decided by the pure
 * src/ocds/notices/from-register.ts.
 */
import type { Selectable } from "kysely";
import * as demo from "../demo/contract-events.ts";
import { compileRelease } from "../ocds/merge.ts";
import type { NoticeType, Organisation } from "../ocds/notices/common.ts";
import {
  isNoticeType,
  NOTICE_NAMES,
  NOTICE_TYPES,
  noticeFromRegister,
  noticesFromRegister,
  type RegisterData,
  standstillEnd,
} from "../ocds/notices/from-register.ts";
import { RATINGS, type Rating } from "../ocds/notices/uk9-performance.ts";
import { changeNoticeRequired } from "../ocds/notices/uk10-change.ts";
import type { TerminationReason } from "../ocds/notices/uk11-termination.ts";
import type { JsonObject } from "../ocds/types.ts";
import { ConflictError, InputError, NotFoundError } from "../shared/errors.ts";
import { appendAudit } from "./audit.ts";
import type {
  ContractChangesTable,
  ContractKpisTable,
  ContractRatingsTable,
  ContractTerminationsTable,
} from "./contract-events-schema.ts";
import type { Store } from "./db.ts";
import type { ContractRow } from "./schema.ts";
import { insertWithId } from "./unique.ts";

export interface Actor {
  username: string;
  reason: string;
}

export const TERMINATION_REASONS: readonly TerminationReason[] = [
  "expiry",
  "breach",
  "convenience",
  "mutualAgreement",
  "other",
];
export { RATINGS };

export interface Kpi {
  id: string;
  contractId: string;
  title: string;
  description: string;
  target: string;
  published: boolean;
  demo: boolean;
}
export interface KpiRating {
  id: string;
  contractId: string;
  kpiId: string;
  periodEnd: string;
  rating: Rating;
  explanation: string;
  published: boolean;
  demo: boolean;
}
export interface ContractChange {
  id: string;
  contractId: string;
  changedOn: string;
  works: boolean;
  valueBeforePence: number;
  valueAfterPence: number;
  startDate: string;
  endBefore: string;
  endAfter: string;
  description: string;
  rationale: string;
  published: boolean;
  demo: boolean;
  /** Whether the change needs a UK10 notice, and why. */
  noticeRequired: boolean;
  noticeReasons: string[];
}
export interface Termination {
  contractId: string;
  terminatedOn: string;
  reason: TerminationReason;
  explanation: string;
  totalPaidPence: number;
  published: boolean;
  demo: boolean;
}
export interface ContractEvents {
  kpis: Kpi[];
  ratings: KpiRating[];
  changes: ContractChange[];
  termination: Termination | null;
}

const toKpi = (r: Selectable<ContractKpisTable>): Kpi => ({
  id: r.id,
  contractId: r.contract_id,
  title: r.title,
  description: r.description,
  target: r.target,
  published: r.published === 1,
  demo: r.demo === 1,
});
const toRating = (r: Selectable<ContractRatingsTable>): KpiRating => ({
  id: r.id,
  contractId: r.contract_id,
  kpiId: r.kpi_id,
  periodEnd: r.period_end,
  rating: r.rating as Rating,
  explanation: r.explanation,
  published: r.published === 1,
  demo: r.demo === 1,
});
function toChange(r: Selectable<ContractChangesTable>): ContractChange {
  const a = changeNoticeRequired(
    {
      category: r.works === 1 ? "works" : "services",
      value: { pence: Number(r.value_before_pence) },
      period: { startDate: r.start_date, endDate: r.end_before },
    },
    {
      value: { pence: Number(r.value_after_pence) },
      period: { startDate: r.start_date, endDate: r.end_after },
    },
  );
  return {
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
    noticeRequired: a.required,
    noticeReasons: a.reasons,
  };
}
const toTermination = (r: Selectable<ContractTerminationsTable>): Termination => ({
  contractId: r.contract_id,
  terminatedOn: r.terminated_on,
  reason: r.reason as TerminationReason,
  explanation: r.explanation,
  totalPaidPence: Number(r.total_paid_pence),
  published: r.published === 1,
  demo: r.demo === 1,
});

async function contractRow(store: Store, id: string, publishedOnly: boolean): Promise<ContractRow> {
  let q = store.db.selectFrom("contracts").selectAll().where("id", "=", id);
  if (publishedOnly) q = q.where("published", "=", 1);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFoundError("contract", id);
  return row;
}

export async function listContractEvents(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<ContractEvents> {
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isoDate(v: string, path: string): string {
  if (!ISO_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
    throw new InputError(`expected a date YYYY-MM-DD, got "${v}"`, { location: { path } });
  return v;
}
function pence(v: number, path: string): number {
  if (!Number.isSafeInteger(v) || v < 0)
    throw new InputError(`expected a whole number of pence, 0 or more, got ${v}`, { location: { path } });
  return v;
}
function text(v: string | undefined, path: string, required = true): string {
  const s = (v ?? "").trim();
  if (required && !s) throw new InputError("expected a non-empty text", { location: { path } });
  return s;
}

export interface KpiInput {
  id: string;
  title: string;
  description?: string;
  target?: string;
  published?: boolean;
  demo?: boolean;
}

export async function addKpi(store: Store, contractId: string, input: KpiInput, actor: Actor): Promise<Kpi> {
  await contractRow(store, contractId, false);
  const row: Selectable<ContractKpisTable> = {
    id: text(input.id, "$.id"),
    contract_id: contractId,
    title: text(input.title, "$.title"),
    description: text(input.description, "$.description", false),
    target: text(input.target, "$.target", false),
    created_at: new Date().toISOString(),
    published: input.published === false ? 0 : 1,
    demo: input.demo ? 1 : 0,
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

export interface RatingInput {
  kpiId: string;
  periodEnd: string;
  rating: string;
  explanation?: string;
  published?: boolean;
  demo?: boolean;
}

export async function addRating(
  store: Store,
  contractId: string,
  input: RatingInput,
  actor: Actor,
): Promise<KpiRating> {
  await contractRow(store, contractId, false);
  if (!(RATINGS as readonly string[]).includes(input.rating))
    throw new InputError(`expected a rating of ${RATINGS.join(", ")}, got "${input.rating}"`, {
      location: { path: "$.rating" },
    });
  const explanation = text(input.explanation, "$.explanation", input.rating === "other");
  const periodEnd = isoDate(input.periodEnd, "$.periodEnd");
  return store.db.transaction().execute(async (trx) => {
    const kpi = await trx
      .selectFrom("contract_kpis")
      .select("id")
      .where("id", "=", input.kpiId)
      .where("contract_id", "=", contractId)
      .executeTakeFirst();
    if (!kpi)
      throw new InputError(`contract ${contractId} has no KPI ${input.kpiId}`, {
        location: { path: "$.kpiId" },
      });
    const row: Selectable<ContractRatingsTable> = {
      id: `${input.kpiId}@${periodEnd}`,
      contract_id: contractId,
      kpi_id: input.kpiId,
      period_end: periodEnd,
      rating: input.rating,
      explanation,
      created_at: new Date().toISOString(),
      published: input.published === false ? 0 : 1,
      demo: input.demo ? 1 : 0,
    };
    const exists = await trx
      .selectFrom("contract_ratings")
      .select("id")
      .where("id", "=", row.id)
      .executeTakeFirst();
    if (exists)
      throw new ConflictError(`KPI ${input.kpiId} is already rated for the period ending ${periodEnd}`);
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

export interface ChangeInput {
  id: string;
  changedOn: string;
  works?: boolean;
  valueBeforePence: number;
  valueAfterPence: number;
  startDate: string;
  endBefore: string;
  endAfter: string;
  description: string;
  rationale: string;
  published?: boolean;
  demo?: boolean;
}

export async function addChange(
  store: Store,
  contractId: string,
  input: ChangeInput,
  actor: Actor,
): Promise<ContractChange> {
  await contractRow(store, contractId, false);
  const row: Selectable<ContractChangesTable> = {
    id: text(input.id, "$.id"),
    contract_id: contractId,
    changed_on: isoDate(input.changedOn, "$.changedOn"),
    works: input.works ? 1 : 0,
    value_before_pence: pence(input.valueBeforePence, "$.valueBeforePence"),
    value_after_pence: pence(input.valueAfterPence, "$.valueAfterPence"),
    start_date: isoDate(input.startDate, "$.startDate"),
    end_before: isoDate(input.endBefore, "$.endBefore"),
    end_after: isoDate(input.endAfter, "$.endAfter"),
    description: text(input.description, "$.description"),
    rationale: text(input.rationale, "$.rationale"),
    created_at: new Date().toISOString(),
    published: input.published === false ? 0 : 1,
    demo: input.demo ? 1 : 0,
  };
  if (row.end_before < row.start_date)
    throw new InputError("the term before the change ends before it starts", {
      location: { path: "$.endBefore" },
    });
  if (row.end_after < row.start_date)
    throw new InputError("the term after the change ends before it starts", {
      location: { path: "$.endAfter" },
    });
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

export interface TerminationInput {
  terminatedOn: string;
  reason: string;
  explanation?: string;
  totalPaidPence: number;
  published?: boolean;
  demo?: boolean;
}

export async function setTermination(
  store: Store,
  contractId: string,
  input: TerminationInput,
  actor: Actor,
): Promise<Termination> {
  const contract = await contractRow(store, contractId, false);
  if (!(TERMINATION_REASONS as readonly string[]).includes(input.reason))
    throw new InputError(`expected a reason of ${TERMINATION_REASONS.join(", ")}, got "${input.reason}"`, {
      location: { path: "$.reason" },
    });
  const row: Selectable<ContractTerminationsTable> = {
    contract_id: contractId,
    terminated_on: isoDate(input.terminatedOn, "$.terminatedOn"),
    reason: input.reason,
    explanation: text(input.explanation, "$.explanation", input.reason === "other"),
    total_paid_pence: pence(input.totalPaidPence, "$.totalPaidPence"),
    created_at: new Date().toISOString(),
    published: input.published === false ? 0 : 1,
    demo: input.demo ? 1 : 0,
  };
  if (contract.start_date && row.terminated_on < contract.start_date)
    throw new InputError(`the contract started on ${contract.start_date}, after the termination date`, {
      location: { path: "$.terminatedOn" },
    });
  return store.db.transaction().execute(async (trx) => {
    const exists = await trx
      .selectFrom("contract_terminations")
      .select("contract_id")
      .where("contract_id", "=", contractId)
      .executeTakeFirst();
    if (exists) throw new ConflictError(`contract ${contractId} already has a termination recorded`);
    await trx.insertInto("contract_terminations").values(row).execute();
    await appendAudit(trx, {
      actor: actor.username,
      action: "create",
      entity: "contract_termination",
      entityId: contractId,
      reason: actor.reason,
      data: row,
    });
    return toTermination(row);
  });
}

// ---------------------------------------------------------------------------------------------
// Notices: loaded here, decided and built by src/ocds/notices/from-register.ts

export { isNoticeType, NOTICE_NAMES, NOTICE_TYPES, standstillEnd };

export interface NoticeStatus {
  type: NoticeType;
  name: string;
  producible: boolean;
  /** Why it cannot be produced now, or what it reports. */
  reason: string;
  releaseId: string | null;
  /** Whether the release is already in the releases table. */
  published: boolean;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The organisation as a party: the id the releases already held for this ocid give it (so the
 * compiled release names it once), else one derived from the register.
 */
async function organisation(store: Store, name: string, known: Map<string, string>): Promise<Organisation> {
  const id = known.get(name);
  if (id) return { id, name };
  const o = await store.db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("name", "=", name)
    .executeTakeFirst();
  return { id: `nous-${o ? o.id : slug(name)}`, name };
}

/** The releases held for an ocid: party name -> id, and their compiled release (null when none). */
async function heldReleases(
  store: Store,
  ocid: string | null,
): Promise<{ known: Map<string, string>; compiled: JsonObject | null }> {
  const known = new Map<string, string>();
  if (!ocid) return { known, compiled: null };
  const rows = await store.db
    .selectFrom("releases")
    .select("data_json")
    .where("ocid", "=", ocid)
    .orderBy("date")
    .orderBy("release_id")
    .execute();
  const releases = rows.map((r) => JSON.parse(r.data_json) as JsonObject);
  for (const r of releases) {
    const parties = (r as { parties?: { id?: unknown; name?: unknown }[] }).parties;
    for (const p of Array.isArray(parties) ? parties : []) {
      if (typeof p?.name === "string" && typeof p.id === "string" && !known.has(p.name))
        known.set(p.name, p.id);
    }
  }
  return { known, compiled: releases.length ? compileRelease(releases, { consume: true }) : null };
}

async function prepare(store: Store, contractId: string, publishedOnly: boolean): Promise<RegisterData> {
  const contract = await contractRow(store, contractId, publishedOnly);
  const events = await listContractEvents(store, contractId, publishedOnly);
  const { known, compiled } = await heldReleases(store, contract.ocid);
  const buyer = await organisation(store, contract.buyer, known);
  const supplier = await organisation(store, contract.supplier, known);
  return { contract, events, buyer, supplier, compiled };
}

/** Which notices can be produced for a contract now, and why not for the others. */
export async function noticeStatuses(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<NoticeStatus[]> {
  const data = await prepare(store, contractId, publishedOnly);
  const out: NoticeStatus[] = [];
  for (const { type, attempt: a } of noticesFromRegister(data)) {
    let published = false;
    let releaseId: string | null = null;
    if (a.ok) {
      releaseId = String(a.release.id);
      const held = await store.db
        .selectFrom("releases")
        .select("release_id")
        .where("ocid", "=", String(a.release.ocid))
        .where("release_id", "=", releaseId)
        .executeTakeFirst();
      published = held !== undefined;
    }
    out.push({
      type,
      name: NOTICE_NAMES[type],
      producible: a.ok,
      reason: a.ok ? a.about : a.reason,
      releaseId,
      published,
    });
  }
  return out;
}

/** The notice as an OCDS release; a ConflictError (409) saying why when it cannot be produced. */
export async function buildNotice(
  store: Store,
  contractId: string,
  type: string,
  publishedOnly: boolean,
): Promise<JsonObject> {
  if (!isNoticeType(type))
    throw new InputError(`expected a notice type of ${NOTICE_TYPES.join(", ")}, got "${type}"`, {
      location: { path: "type" },
    });
  const a = noticeFromRegister(type, await prepare(store, contractId, publishedOnly));
  if (!a.ok) throw new ConflictError(a.reason);
  return a.release;
}

// ---------------------------------------------------------------------------------------------
// Demo

/** Loads the demo KPIs, ratings and change (src/demo/contract-events.ts), audited as the demo loader. */
export async function loadContractEventsDemo(store: Store): Promise<void> {
  const actor = { username: "demo-loader", reason: "demo scenario loaded" };
  for (const k of demo.kpis) await addKpi(store, demo.CONTRACT_ID, { ...k, demo: true }, actor);
  for (const r of demo.ratings) await addRating(store, demo.CONTRACT_ID, { ...r, demo: true }, actor);
  for (const ch of demo.changes) await addChange(store, demo.CONTRACT_ID, ch, actor);
}
