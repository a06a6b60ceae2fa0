/**
 * Search across services, contracts, suppliers, decisions, notices (the OCDS releases held) and
 * comments. The index (src/store/search.ts) is rebuilt from the records whenever the audit
 * chain has moved since it was built: every write is audited (a record added, a publication, a
 * comment published, a restore), so a search never reads an index older than the data, and no
 * write path has to remember to update it. Visibility is decided here, once, when a document is
 * indexed: the public sees a record only when it is published, a comment only when it and its
 * subject are, a supplier only when a published contract names it, and a notice unless it
 * belongs to an unpublished contract.
 */
import type { SearchAnswer, SearchHit } from "../contract/search.ts";
import type { Store } from "../store/db.ts";
import { listComments } from "../store/comments.ts";
import { listContracts, listDecisions, listOrganisations, listServices } from "../store/records.ts";
import { listReleases } from "../store/releases.ts";
import {
  auditHeadHash,
  indexedAt,
  MARK_END,
  MARK_START,
  replaceIndex,
  type SearchDoc,
  searchIndex,
} from "../store/search.ts";

/** At most this many terms of a query are searched. */
export const MAX_TERMS = 12;

/**
 * The words of a query: runs of letters and digits, lower-cased. Everything else (quotes, `*`,
 * `-`, `:`, brackets) only separates words, and operators such as NEAR, AND or OR are words like
 * any other, so no query can reach the engines' query syntax.
 */
export function queryTerms(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, 64)))].slice(0, MAX_TERMS);
}

/** Control characters out (the snippet marks are two of them), whitespace as single spaces. */
function clean(text: string | null | undefined): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  return (text ?? "").replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

interface ReleaseFacts {
  tender?: { title?: unknown; description?: unknown };
  awards?: { title?: unknown; suppliers?: { name?: unknown }[] }[];
  contracts?: { title?: unknown; description?: unknown }[];
  tag?: unknown;
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** Every document of the index, as the store holds the records now. */
export async function searchDocuments(store: Store): Promise<SearchDoc[]> {
  const docs: SearchDoc[] = [];
  const services = await listServices(store, false);
  const contracts = await listContracts(store, false);
  const publishedServices = new Set(services.filter((s) => s.published).map((s) => s.id));
  const publishedContracts = new Set(contracts.filter((c) => c.published).map((c) => c.id));
  for (const s of services)
    docs.push({
      kind: "service",
      ref: s.id,
      published: s.published,
      title: clean(s.name),
      body: clean(`${s.description} ${s.owner} ${s.classificationReason} ${s.volumes}`),
    });
  for (const c of contracts)
    docs.push({
      kind: "contract",
      ref: c.id,
      published: c.published,
      title: clean(c.title),
      body: clean(`${c.description} Buyer: ${c.buyer}. Supplier: ${c.supplier}. ${c.status}`),
    });
  const named = new Set(contracts.filter((c) => c.published).flatMap((c) => [c.buyer, c.supplier]));
  for (const o of await listOrganisations(store))
    docs.push({
      kind: "supplier",
      ref: o.id,
      published: named.has(o.name),
      title: clean(o.name),
      body: clean(`${o.kind} ${o.notes}`),
    });
  const decisions = await listDecisions(store, { publishedOnly: false });
  const publishedDecisions = new Set(decisions.filter((d) => d.published).map((d) => d.id));
  for (const d of decisions)
    docs.push({
      kind: "decision",
      // The record the decision is about, then its id: the hit names both.
      ref: `${d.contractId ? `contract:${d.contractId}` : d.serviceId ? `service:${d.serviceId}` : ""}/${d.id}`,
      published: d.published,
      title: clean(d.title),
      body: clean(
        `${d.outcome}. ${d.rationale} ${d.drivers.join(" ")} ${d.outOfOrderReason ?? ""} ${d.gate}`,
      ),
    });
  const hiddenOcids = new Set(contracts.filter((c) => !c.published && c.ocid).map((c) => c.ocid as string));
  for (const r of await listReleases(store, {})) {
    const data = JSON.parse(r.data_json) as ReleaseFacts;
    const title =
      str(data.tender?.title) || str(data.contracts?.[0]?.title) || str(data.awards?.[0]?.title) || r.ocid;
    const suppliers = (data.awards ?? []).flatMap((a) => (a.suppliers ?? []).map((s) => str(s.name)));
    docs.push({
      kind: "notice",
      ref: `${r.ocid}/${r.release_id}`,
      published: !hiddenOcids.has(r.ocid),
      title: clean(title),
      body: clean(
        `${r.tags} ${r.buyer ?? ""} ${str(data.tender?.description)} ${str(data.contracts?.[0]?.description)} ${suppliers.join(" ")} ${r.ocid}`,
      ),
    });
  }
  const subjectPublished = (kind: string, id: string) =>
    kind === "contract"
      ? publishedContracts.has(id)
      : kind === "service"
        ? publishedServices.has(id)
        : publishedDecisions.has(id);
  for (const c of await listComments(store)) {
    if (c.status === "rejected") continue;
    docs.push({
      kind: "comment",
      ref: `${c.subject_kind}:${c.subject_id}/${c.id}`,
      published: c.status === "published" && subjectPublished(c.subject_kind, c.subject_id),
      title: clean(`Question on ${c.subject_kind} ${c.subject_id}`),
      body: clean(`${c.body} ${c.status === "published" ? (c.answer ?? "") : ""}`),
    });
  }
  return docs;
}

const rebuilding = new WeakMap<Store, Promise<void>>();

/** Rebuilds the index when the audit chain has moved since it was built (one rebuild at a time per store). */
export async function ensureSearchIndex(store: Store): Promise<void> {
  const head = await auditHeadHash(store);
  if ((await indexedAt(store)) === head) return;
  const running = rebuilding.get(store);
  if (running) return running;
  const job = (async () => {
    // The documents are read after the head: an index built from them holds at least that state.
    const docs = await searchDocuments(store);
    await replaceIndex(store, docs, head);
  })().finally(() => rebuilding.delete(store));
  rebuilding.set(store, job);
  return job;
}

/** Rebuilds the index now, whatever it was built from: after a restore, or from the command line. */
export async function rebuildSearchIndex(store: Store): Promise<number> {
  const head = await auditHeadHash(store);
  const docs = await searchDocuments(store);
  await replaceIndex(store, docs, head);
  return docs.length;
}

/** Splits a marked snippet into text parts, each saying whether it is a match. */
export function snippetParts(marked: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const s = rest.indexOf(MARK_START);
    if (s < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (s > 0) parts.push({ text: rest.slice(0, s), match: false });
    const e = rest.indexOf(MARK_END, s + 1);
    const end = e < 0 ? rest.length : e;
    parts.push({ text: rest.slice(s + 1, end), match: true });
    rest = rest.slice(end + 1);
  }
  return parts.filter((p) => p.text.length > 0).map((p) => ({ ...p, text: p.text.replaceAll(MARK_END, "") }));
}

/** Ranked results for `q`: the public's only among what is published. */
export async function search(
  store: Store,
  q: string,
  opts: { publishedOnly: boolean; limit?: number },
): Promise<SearchAnswer> {
  const terms = queryTerms(q);
  if (terms.length === 0) return { query: q, terms, results: [] };
  await ensureSearchIndex(store);
  const rows = await searchIndex(store, terms, {
    publishedOnly: opts.publishedOnly,
    limit: opts.limit ?? 50,
  });
  const results: SearchHit[] = rows.map((r) => {
    const slash = r.ref.indexOf("/");
    const pair = (r.kind === "comment" || r.kind === "notice" || r.kind === "decision") && slash >= 0;
    return {
      kind: r.kind,
      id: pair ? r.ref.slice(slash + 1) : r.ref,
      subject: pair && slash > 0 ? r.ref.slice(0, slash) : null,
      title: r.title,
      snippet: snippetParts(r.snippet),
      score: Math.round(r.score * 1e6) / 1e6,
    };
  });
  return { query: q, terms, results };
}
