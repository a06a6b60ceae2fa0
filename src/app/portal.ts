/**
 * What the public portal shows (src/server/public/): published records only, whoever asks. Each
 * read here passes `publishedOnly: true` to the use cases the API uses, so the portal cannot
 * show more than the public API would; a record that is missing or unpublished is the same
 * NotFoundError.
 */
import type { Comment } from "../contract/comments.ts";
import type { ContractEvents } from "../contract/manage.ts";
import type { NoticeStatus } from "../contract/ocds.ts";
import type { Contract, Decision, Service } from "../contract/records.ts";
import { NotFoundError } from "../shared/errors.ts";
import { publicationTimes } from "../store/comments.ts";
import type { Store } from "../store/db.ts";
import { listContracts, listServices } from "../store/records.ts";
import { listReleases } from "../store/releases.ts";
import { comments } from "./comments.ts";
import { contractHorizon, type horizonResult } from "./decide.ts";
import type { ContractDates } from "../contract/manage-dates.ts";
import type { Savings } from "../contract/manage-value.ts";
import { contractNotices, listContractEvents } from "./manage.ts";
import { contractDates } from "./manage-dates.ts";
import { savingsFor } from "./manage-value.ts";
import { contractDetail, decisionsWithFlags, serviceDetail } from "./records.ts";

const PUBLIC = { publishedOnly: true } as const;

export type Horizon = Awaited<ReturnType<typeof horizonResult>>;

export interface PortalHome {
  services: Service[];
  contracts: Contract[];
  decisions: Decision[];
}

export async function portalHome(store: Store): Promise<PortalHome> {
  const decisions = await decisionsWithFlags(store, PUBLIC);
  return {
    services: await listServices(store, true),
    contracts: await listContracts(store, true),
    decisions: [...decisions].reverse(),
  };
}

async function horizonOf(store: Store, contractId: string): Promise<Horizon | null> {
  try {
    return (await contractHorizon(store, contractId, PUBLIC)).result;
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

export interface PortalContract {
  contract: Contract;
  services: Service[];
  decisions: Decision[];
  events: ContractEvents;
  notices: NoticeStatus[];
  horizon: Horizon | null;
  /** Savings realised against claimed (src/app/manage-value.ts), as the public API gives them. */
  savings: Savings;
  /** The status derived from the dates, the ends and the deadlines (src/app/manage-dates.ts). */
  dates: ContractDates;
  questions: Comment[];
}

/** One published contract; `today` (Europe/London) dates its status, deadlines and savings to date. */
export async function portalContract(store: Store, id: string, today: string): Promise<PortalContract> {
  const contract = await contractDetail(store, id, PUBLIC);
  const services = (await listServices(store, true)).filter((s) => contract.serviceIds.includes(s.id));
  return {
    contract,
    services,
    decisions: contract.decisions,
    events: await listContractEvents(store, id, true),
    notices: await contractNotices(store, id, true),
    horizon: await horizonOf(store, id),
    savings: await savingsFor(store, id, today, true),
    dates: await contractDates(store, id, true, today),
    questions: await comments(store, { subject: `contract:${id}` }, false),
  };
}

export interface PortalService {
  service: Service;
  contracts: Contract[];
  decisions: Decision[];
  questions: Comment[];
}

export async function portalService(store: Store, id: string): Promise<PortalService> {
  const s = await serviceDetail(store, id, PUBLIC);
  return {
    service: s,
    contracts: s.contracts,
    decisions: s.decisions,
    questions: await comments(store, { subject: `service:${id}` }, false),
  };
}

export interface PortalDecision {
  decision: Decision;
  service: Service | null;
  contract: Contract | null;
  horizon: Horizon | null;
  questions: Comment[];
}

export async function portalDecision(store: Store, id: string): Promise<PortalDecision> {
  const decision = (await decisionsWithFlags(store, PUBLIC)).find((d) => d.id === id);
  if (!decision) throw new NotFoundError("decision", id);
  const service = decision.serviceId
    ? ((await listServices(store, true)).find((s) => s.id === decision.serviceId) ?? null)
    : null;
  const contract = decision.contractId
    ? ((await listContracts(store, true)).find((c) => c.id === decision.contractId) ?? null)
    : null;
  return {
    decision,
    service,
    contract,
    horizon: contract ? await horizonOf(store, contract.id) : null,
    questions: await comments(store, { subject: `decision:${id}` }, false),
  };
}

export interface FeedEntry {
  /** A stable id for the entry (a tag: URI is made of it by the feed). */
  key: string;
  title: string;
  updated: string;
  /** The portal path the entry links to. */
  path: string;
  text: string;
}

/**
 * The portal's news, newest first: records published, notices published, questions published
 * and answers given; of one contract when named (404 unless it is published).
 */
export async function portalFeed(store: Store, contractId?: string): Promise<FeedEntry[]> {
  const contracts = await listContracts(store, true);
  const services = await listServices(store, true);
  const decisions = await decisionsWithFlags(store, PUBLIC);
  const only = contractId ? contracts.find((c) => c.id === contractId) : undefined;
  if (contractId && !only) throw new NotFoundError("contract", contractId);
  const entries: FeedEntry[] = [];
  const times = await publicationTimes(store);
  const names = new Map<string, { title: string; path: string; text: string }>();
  for (const c of contracts)
    names.set(`contract:${c.id}`, {
      title: c.title,
      path: `/public/contracts/${c.id}`,
      text: `${c.buyer} with ${c.supplier}. ${c.description}`,
    });
  for (const s of services)
    names.set(`service:${s.id}`, { title: s.name, path: `/public/services/${s.id}`, text: s.description });
  for (const d of decisions)
    names.set(`decision:${d.id}`, {
      title: d.title,
      path: `/public/decisions/${d.id}`,
      text: `${d.outcome}. ${d.rationale}`,
    });
  const inScope = (kind: string, id: string) =>
    !only ||
    (kind === "contract" && id === only.id) ||
    (kind === "decision" && decisions.some((d) => d.id === id && d.contractId === only.id));
  for (const t of times) {
    const rec = names.get(`${t.entity}:${t.entityId}`);
    if (!rec || !inScope(t.entity, t.entityId)) continue;
    entries.push({
      key: `published/${t.entity}/${t.entityId}`,
      title: `Published: ${rec.title}`,
      updated: t.at,
      path: rec.path,
      text: rec.text,
    });
  }
  const hidden = new Set(
    (await listContracts(store, false)).filter((c) => !c.published && c.ocid).map((c) => c.ocid as string),
  );
  const byOcid = new Map(contracts.filter((c) => c.ocid).map((c) => [c.ocid as string, c]));
  for (const r of await listReleases(store, only ? { ocid: only.ocid ?? "\u0000none" } : {})) {
    if (hidden.has(r.ocid)) continue;
    const c = byOcid.get(r.ocid);
    entries.push({
      key: `notice/${r.ocid}/${r.release_id}`,
      title: `Notice ${r.tags}: ${c?.title ?? r.ocid}`,
      updated: r.imported_at,
      path: c ? `/public/contracts/${c.id}` : `/public/search?q=${encodeURIComponent(r.ocid)}`,
      text: `OCDS release ${r.release_id} of ${r.ocid}, dated ${r.date}.`,
    });
  }
  const qs = await comments(store, only ? { subject: `contract:${only.id}` } : {}, false);
  for (const q of qs) {
    const [kind = "", id = ""] = q.subject.split(":");
    if (!only && !inScope(kind, id)) continue;
    const rec = names.get(q.subject);
    if (!rec) continue;
    entries.push({
      key: `question/${q.id}`,
      title: `Question on ${rec.title}`,
      updated: q.moderatedAt ?? q.createdAt,
      path: `${rec.path}#${q.id}`,
      text: q.body,
    });
    if (q.answer && q.answeredAt)
      entries.push({
        key: `answer/${q.id}`,
        title: `Answered: a question on ${rec.title}`,
        updated: q.answeredAt,
        path: `${rec.path}#${q.id}`,
        text: q.answer,
      });
  }
  return entries.sort((a, b) =>
    a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.key.localeCompare(b.key),
  );
}
