/**
 * Contract events for Procurement Act 2023 notices - KPIs, performance ratings, changes and
 * termination - and the notices nous can produce from them. Every write is one audited
 * transaction. Notices are built by the pure engine in src/ocds/notices/ from the contract
 * register and these events; each notice's date is the date of the event it reports, so the
 * same facts always give the same release (publishing twice changes nothing).
 */
import type { Selectable } from "kysely";
import * as demo from "../demo/contract-events.ts";
import type { NoticeType, Organisation } from "../ocds/notices/common.ts";
import { uk1Pipeline } from "../ocds/notices/uk1-pipeline.ts";
import { uk6Award } from "../ocds/notices/uk6-award.ts";
import { changeNoticeRequired, uk10Change } from "../ocds/notices/uk10-change.ts";
import { type TerminationReason, uk11Termination } from "../ocds/notices/uk11-termination.ts";
import { KPI_THRESHOLD_PENCE, MIN_KPIS, uk7ContractDetails } from "../ocds/notices/uk7-contract-details.ts";
import { RATINGS, type Rating, uk9Performance } from "../ocds/notices/uk9-performance.ts";
import type { JsonObject } from "../ocds/types.ts";
import { ConflictError, InputError, NotFoundError } from "../shared/errors.ts";
import { formatGBP } from "../shared/money.ts";
import { appendAudit } from "./audit.ts";
import type {
  ContractChangesTable,
  ContractKpisTable,
  ContractRatingsTable,
  ContractTerminationsTable,
} from "./contract-events-schema.ts";
import type { Store } from "./db.ts";
import type { ContractRow } from "./schema.ts";

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
    const exists = await trx
      .selectFrom("contract_kpis")
      .select("id")
      .where("id", "=", row.id)
      .executeTakeFirst();
    if (exists) throw new ConflictError(`KPI ${row.id} already exists`);
    await trx.insertInto("contract_kpis").values(row).execute();
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
    const exists = await trx
      .selectFrom("contract_changes")
      .select("id")
      .where("id", "=", row.id)
      .executeTakeFirst();
    if (exists) throw new ConflictError(`change ${row.id} already exists`);
    await trx.insertInto("contract_changes").values(row).execute();
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
// Notices

export const NOTICE_TYPES: readonly NoticeType[] = ["UK1", "UK4", "UK6", "UK7", "UK9", "UK10", "UK11"];

export const NOTICE_NAMES: Record<NoticeType, string> = {
  UK1: "Pipeline notice",
  UK4: "Tender notice",
  UK6: "Contract award notice",
  UK7: "Contract details notice",
  UK9: "Contract performance notice",
  UK10: "Contract change notice",
  UK11: "Contract termination notice",
};

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

/** Party name -> id in the releases held for an ocid. */
async function knownParties(store: Store, ocid: string | null): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!ocid) return out;
  const rows = await store.db.selectFrom("releases").select("data_json").where("ocid", "=", ocid).execute();
  for (const r of rows) {
    const parties = (JSON.parse(r.data_json) as { parties?: { id?: unknown; name?: unknown }[] }).parties;
    for (const p of Array.isArray(parties) ? parties : []) {
      if (typeof p?.name === "string" && typeof p.id === "string" && !out.has(p.name)) out.set(p.name, p.id);
    }
  }
  return out;
}

/** The date 8 working days (Monday to Friday) after `iso`: the end of the standstill period. */
export function standstillEnd(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  let left = 8;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

type Attempt = { ok: true; release: JsonObject; about: string } | { ok: false; reason: string };

function missing(contract: ContractRow, fields: (keyof ContractRow)[]): string | null {
  const gone = fields.filter((f) => contract[f] === null || contract[f] === "");
  return gone.length ? gone.join(", ") : null;
}

function attempt(
  type: NoticeType,
  c: ContractRow,
  ev: ContractEvents,
  buyer: Organisation,
  supplier: Organisation,
): Attempt {
  const need = (fields: (keyof ContractRow)[]): string | null => {
    const m = missing(c, ["ocid", ...fields]);
    return m ? `${type} needs the contract's ${m}: not recorded` : null;
  };
  const ocid = c.ocid ?? "";
  const awardId = `${ocid}-award-1`;
  const valuePence = Number(c.value_pence ?? 0);
  const build = (fn: () => JsonObject, about: string): Attempt => {
    try {
      return { ok: true, release: fn(), about };
    } catch (e) {
      if (e instanceof InputError) return { ok: false, reason: `${type}: ${e.message}` };
      throw e;
    }
  };
  switch (type) {
    case "UK1":
    case "UK4": {
      if (c.awarded_on)
        return {
          ok: false,
          reason: `${type} comes before the award; this contract was awarded on ${c.awarded_on}`,
        };
      const m = need(["value_pence", "start_date"]);
      if (m) return { ok: false, reason: m };
      const start = c.start_date ?? "";
      if (type === "UK1")
        return build(
          () =>
            uk1Pipeline({
              ctx: { ocid, date: `${start}T00:00:00Z`, buyer },
              title: c.title,
              description: c.description,
              category: "services",
              estimatedValue: { pence: valuePence },
              expectedTenderDate: start,
            }),
          `planned procurement, estimated ${formatGBP(valuePence)}`,
        );
      return {
        ok: false,
        reason: "UK4 needs the tender's procedure, deadline and CPV codes, which the register does not hold",
      };
    }
    case "UK6": {
      const m = need(["value_pence", "awarded_on", "supplier"]);
      if (m) return { ok: false, reason: m };
      const awarded = c.awarded_on ?? "";
      return build(
        () =>
          uk6Award({
            ctx: { ocid, date: `${awarded}T00:00:00Z`, buyer },
            awardId,
            title: c.title,
            suppliers: [supplier],
            value: { pence: valuePence },
            awardDate: awarded,
            standstillEnd: standstillEnd(awarded),
          }),
        `award to ${c.supplier} for ${formatGBP(valuePence)}; standstill ends ${standstillEnd(awarded)}`,
      );
    }
    case "UK7": {
      const m = need(["value_pence", "start_date", "end_date"]);
      if (m) return { ok: false, reason: m };
      if (valuePence > KPI_THRESHOLD_PENCE && ev.kpis.length < MIN_KPIS)
        return {
          ok: false,
          reason: `UK7 needs ${MIN_KPIS} KPIs for a contract over £5m: ${ev.kpis.length} recorded`,
        };
      const start = c.start_date ?? "";
      const end = originalEnd(c, ev);
      return build(
        () =>
          uk7ContractDetails({
            ctx: { ocid, date: `${start}T00:00:00Z`, buyer },
            contractId: `${ocid}-contract-1`,
            awardId,
            title: c.title,
            value: { pence: originalValue(c, ev) },
            dateSigned: c.awarded_on && c.awarded_on <= start ? c.awarded_on : start,
            period: { startDate: start, endDate: end },
            kpis: ev.kpis.map((k) => ({
              id: k.id,
              title: k.title,
              ...(k.description || k.target
                ? {
                    description: [k.description, k.target && `Target: ${k.target}`]
                      .filter(Boolean)
                      .join(". "),
                  }
                : {}),
            })),
          }),
        `contract entered into with ${ev.kpis.length} KPIs`,
      );
    }
    case "UK9": {
      if (!c.ocid) return { ok: false, reason: "UK9 needs the contract's ocid: not recorded" };
      if (ev.ratings.length === 0)
        return { ok: false, reason: "UK9 needs KPI ratings for a period: none recorded" };
      const periodEnd = ev.ratings[ev.ratings.length - 1]!.periodEnd;
      const rated = ev.ratings.filter((r) => r.periodEnd === periodEnd);
      return build(
        () =>
          uk9Performance({
            ctx: { ocid, date: `${periodEnd}T00:00:00Z`, buyer, releaseId: `${ocid}-UK9-${periodEnd}` },
            contractId: `${ocid}-contract-1`,
            awardId,
            periodEnd,
            assessments: rated.map((r) => ({
              kpiId: r.kpiId,
              rating: r.rating,
              ...(r.explanation ? { explanation: r.explanation } : {}),
            })),
          }),
        `${rated.length} KPI ratings for the period ending ${periodEnd}`,
      );
    }
    case "UK10": {
      if (!c.ocid) return { ok: false, reason: "UK10 needs the contract's ocid: not recorded" };
      if (ev.changes.length === 0)
        return { ok: false, reason: "UK10 needs a contract change: none recorded" };
      const ch = [...ev.changes].reverse().find((x) => x.noticeRequired);
      if (!ch) {
        const last = ev.changes[ev.changes.length - 1]!;
        return {
          ok: false,
          reason: `UK10 is not required: change ${last.id} moves the value and the term by 10% or less (15% for works)`,
        };
      }
      return build(
        () =>
          uk10Change({
            ctx: { ocid, date: `${ch.changedOn}T00:00:00Z`, buyer, releaseId: `${ocid}-UK10-${ch.id}` },
            contractId: `${ocid}-contract-1`,
            awardId,
            amendmentId: ch.id,
            before: {
              category: ch.works ? "works" : "services",
              value: { pence: ch.valueBeforePence },
              period: { startDate: ch.startDate, endDate: ch.endBefore },
            },
            after: {
              value: { pence: ch.valueAfterPence },
              period: { startDate: ch.startDate, endDate: ch.endAfter },
            },
            rationale: ch.rationale,
            description: ch.description,
          }),
        `change ${ch.id}: ${ch.noticeReasons.join("; ")}`,
      );
    }
    case "UK11": {
      if (!c.ocid) return { ok: false, reason: "UK11 needs the contract's ocid: not recorded" };
      const t = ev.termination;
      if (!t) return { ok: false, reason: "UK11 needs a termination: the contract has not ended" };
      const start = c.start_date ?? t.terminatedOn;
      return build(
        () =>
          uk11Termination({
            ctx: { ocid, date: `${t.terminatedOn}T00:00:00Z`, buyer },
            contractId: `${ocid}-contract-1`,
            awardId,
            contractStart: start,
            terminationDate: t.terminatedOn,
            reason: t.reason,
            ...(t.explanation ? { explanation: t.explanation } : {}),
            totalPaid: { pence: t.totalPaidPence },
          }),
        `ended ${t.terminatedOn} (${t.reason})`,
      );
    }
  }
}

/** The value the contract was entered into at: before its first recorded change. */
function originalValue(c: ContractRow, ev: ContractEvents): number {
  return ev.changes.length ? ev.changes[0]!.valueBeforePence : Number(c.value_pence ?? 0);
}
/** The end date the contract was entered into with: before its first recorded change. */
function originalEnd(c: ContractRow, ev: ContractEvents): string {
  return ev.changes.length ? ev.changes[0]!.endBefore : (c.end_date ?? "");
}

async function prepare(store: Store, contractId: string, publishedOnly: boolean) {
  const c = await contractRow(store, contractId, publishedOnly);
  const ev = await listContractEvents(store, contractId, publishedOnly);
  const known = await knownParties(store, c.ocid);
  const buyer = await organisation(store, c.buyer, known);
  const supplier = await organisation(store, c.supplier, known);
  return { c, ev, buyer, supplier };
}

/** Which notices can be produced for a contract now, and why not for the others. */
export async function noticeStatuses(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<NoticeStatus[]> {
  const { c, ev, buyer, supplier } = await prepare(store, contractId, publishedOnly);
  const out: NoticeStatus[] = [];
  for (const type of NOTICE_TYPES) {
    const a = attempt(type, c, ev, buyer, supplier);
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

export function isNoticeType(t: string): t is NoticeType {
  return (NOTICE_TYPES as readonly string[]).includes(t);
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
  const { c, ev, buyer, supplier } = await prepare(store, contractId, publishedOnly);
  const a = attempt(type, c, ev, buyer, supplier);
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
