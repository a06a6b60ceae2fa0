/**
 * Contract management, the use cases the API calls: record a KPI, a rating, a change or how a
 * contract ended; read a contract's events; say which Procurement Act 2023 notices it can have
 * now, build one, and publish one into the releases nous holds. Each checks its input with
 * src/manage, stores through src/store/manage.ts, and builds notices with
 * src/ocds/notices/from-register.ts from what the store holds.
 */
import type { ContractEvents } from "../contract/manage.ts";
import type { ImportSummary } from "../contract/ocds.ts";
import { assessedChange, type ChangeEntry, type ChangeRecord, newChange } from "../manage/change.ts";
import { type KpiEntry, type KpiRecord, newKpi } from "../manage/kpi.ts";
import { type NoticeStatusRecord, noticeReleaseKey, noticeStatuses } from "../manage/notice-status.ts";
import { newRating, type RatingEntry, type RatingRecord } from "../manage/rating.ts";
import { newTermination, type TerminationEntry, type TerminationRecord } from "../manage/termination.ts";
import { compileRelease } from "../ocds/merge.ts";
import type { Organisation } from "../ocds/notices/common.ts";
import {
  isNoticeType,
  NOTICE_TYPES,
  noticeFromRegister,
  noticesFromRegister,
  type RegisterData,
} from "../ocds/notices/from-register.ts";
import type { JsonObject } from "../ocds/types.ts";
import { ConflictError, InputError } from "../shared/errors.ts";
import type { Actor } from "../store/audit.ts";
import {
  contractRow,
  heldReleaseIds,
  insertChange,
  insertKpi,
  insertRating,
  insertTermination,
  organisationIdByName,
  readContractEvents,
  releasesOfOcid,
} from "../store/manage.ts";
import type { Store } from "../store/db.ts";

const now = () => new Date().toISOString();

/** A contract's events (published ones only when `publishedOnly`), each change with its UK10 assessment. */
export async function listContractEvents(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<ContractEvents> {
  const ev = await readContractEvents(store, contractId, publishedOnly);
  return { ...ev, changes: ev.changes.map(assessedChange) };
}

export async function addKpi(
  store: Store,
  contractId: string,
  input: KpiEntry,
  actor: Actor,
): Promise<KpiRecord> {
  await contractRow(store, contractId, false);
  return insertKpi(store, newKpi(contractId, input), now(), actor);
}

export async function addRating(
  store: Store,
  contractId: string,
  input: RatingEntry,
  actor: Actor,
): Promise<RatingRecord> {
  await contractRow(store, contractId, false);
  return insertRating(store, newRating(contractId, input), now(), actor);
}

export async function addChange(
  store: Store,
  contractId: string,
  input: ChangeEntry,
  actor: Actor,
): Promise<ChangeRecord> {
  await contractRow(store, contractId, false);
  return assessedChange(await insertChange(store, newChange(contractId, input), now(), actor));
}

export async function setTermination(
  store: Store,
  contractId: string,
  input: TerminationEntry,
  actor: Actor,
): Promise<TerminationRecord> {
  const contract = await contractRow(store, contractId, false);
  return insertTermination(store, newTermination(contractId, contract.start_date, input), now(), actor);
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
  const registered = await organisationIdByName(store, name);
  return { id: `nous-${registered ?? slug(name)}`, name };
}

/** Party name -> id in the releases held. */
function partyIds(releases: readonly JsonObject[]): Map<string, string> {
  const known = new Map<string, string>();
  for (const r of releases) {
    const parties = (r as { parties?: { id?: unknown; name?: unknown }[] }).parties;
    for (const p of Array.isArray(parties) ? parties : []) {
      if (typeof p?.name === "string" && typeof p.id === "string" && !known.has(p.name))
        known.set(p.name, p.id);
    }
  }
  return known;
}

/** What the notices of a contract are built from. */
async function registerData(store: Store, contractId: string, publishedOnly: boolean): Promise<RegisterData> {
  const contract = await contractRow(store, contractId, publishedOnly);
  const events = await listContractEvents(store, contractId, publishedOnly);
  const held = await releasesOfOcid(store, contract.ocid);
  const known = partyIds(held);
  const buyer = await organisation(store, contract.buyer, known);
  const supplier = await organisation(store, contract.supplier, known);
  const compiled = held.length ? compileRelease(held, { consume: true }) : null;
  return { contract, events, buyer, supplier, compiled };
}

/** Which notices can be produced for a contract now, and why not for the others. */
export async function contractNotices(
  store: Store,
  contractId: string,
  publishedOnly: boolean,
): Promise<NoticeStatusRecord[]> {
  const attempts = noticesFromRegister(await registerData(store, contractId, publishedOnly));
  const held = new Set<string>();
  for (const { attempt } of attempts) {
    const key = noticeReleaseKey(attempt);
    if (key && (await heldReleaseIds(store, key.ocid, [key.releaseId])).size)
      held.add(`${key.ocid}\n${key.releaseId}`);
  }
  return noticeStatuses(attempts, (ocid, releaseId) => held.has(`${ocid}\n${releaseId}`));
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
  const a = noticeFromRegister(type, await registerData(store, contractId, publishedOnly));
  if (!a.ok) throw new ConflictError(a.reason);
  return a.release;
}

/**
 * Publishes a notice: built from the published contract and its published events only (a
 * published notice is public), validated against OCDS 1.1.5 and imported into the releases nous
 * holds. Publishing the same notice twice changes nothing (`inserted` 0).
 */
export async function publishNotice(
  store: Store,
  contractId: string,
  type: string,
  actor: Actor,
): Promise<ImportSummary & { release: JsonObject }> {
  const held = await contractRow(store, contractId, false);
  if (held.published !== 1)
    throw new ConflictError(
      `contract ${contractId} is not published: publish it in the register before its notices`,
    );
  const release = await buildNotice(store, contractId, type, true);
  // The OCDS validator (Ajv and the schemas) loads only when a notice is published.
  const { importValidReleases } = await import("./ocds-import.ts");
  const summary = await importValidReleases(store, [release], actor, { base: "$" });
  return { ...summary, release };
}
