/**
 * The full-text index behind search, one interface over two engines: SQLite FTS5 (ranked by
 * bm25, title weighted ten times the body) and PostgreSQL text search (a generated tsvector with
 * the title at weight A, a GIN index, ranked by ts_rank). Snippets come back with the matched
 * words between MARK_START and MARK_END (control characters no indexed text holds), so the
 * caller escapes the text and only then marks the words.
 *
 * The index is derived: `replaceIndex` swaps in every document at once and records the audit
 * chain's head it was built from; every write is audited, so a head that differs means the index
 * is stale (after any write, a publication or a restore) and the caller rebuilds it. The tables
 * are outside `Database` and outside backup.ts TABLES, so no backup copies an FTS5 shadow table.
 */
import { sql } from "kysely";
import type { Store } from "./db.ts";

export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

export type SearchKind = "service" | "contract" | "supplier" | "decision" | "notice" | "comment";

export interface SearchDoc {
  kind: SearchKind;
  /** The record's id (a notice: `ocid/releaseId`). */
  ref: string;
  published: boolean;
  title: string;
  body: string;
}

export interface SearchRow {
  kind: SearchKind;
  ref: string;
  title: string;
  /** Text around the matches, each match between MARK_START and MARK_END. */
  snippet: string;
  /** Higher is better, on both stores. */
  score: number;
}

/** The audit chain's head hash now ("" before the first entry). */
export async function auditHeadHash(store: Store): Promise<string> {
  const head = await store.db.selectFrom("audit_head").select("hash").where("id", "=", 1).executeTakeFirst();
  return head?.hash ?? "";
}

/** The audit head the index was built at, or null if it was never built (a new or restored store). */
export async function indexedAt(store: Store): Promise<string | null> {
  const r = await sql<{ audit_hash: string }>`select audit_hash from search_state where id = 1`.execute(
    store.db,
  );
  return r.rows[0]?.audit_hash ?? null;
}

/** Replaces the whole index with `docs`, built from the store as of audit head `hash`, in one transaction. */
export async function replaceIndex(store: Store, docs: readonly SearchDoc[], hash: string): Promise<void> {
  const pg = store.kind === "postgres";
  const table = sql.table(pg ? "search_docs" : "search_fts");
  await store.db.transaction().execute(async (trx) => {
    // Two rebuilds at once on PostgreSQL would each delete what it sees and insert: one at a time.
    if (pg) await sql`select pg_advisory_xact_lock(hashtext('nous-search-index'))`.execute(trx);
    await sql`delete from ${table}`.execute(trx);
    for (let i = 0; i < docs.length; i += 200) {
      const rows = docs
        .slice(i, i + 200)
        .map((d) => sql`(${d.kind}, ${d.ref}, ${d.published ? 1 : 0}, ${d.title}, ${d.body})`);
      await sql`insert into ${table} (kind, ref, published, title, body) values ${sql.join(rows)}`.execute(
        trx,
      );
    }
    await sql`delete from search_state`.execute(trx);
    await sql`insert into search_state (id, audit_hash) values (1, ${hash})`.execute(trx);
  });
}

/**
 * Documents matching every term (each a run of letters and digits, matched as a word prefix),
 * best first. The terms are quoted into the engine's query language here, so nothing a user
 * types is read as an operator.
 */
export async function searchIndex(
  store: Store,
  terms: readonly string[],
  opts: { publishedOnly: boolean; limit: number },
): Promise<SearchRow[]> {
  const safe = terms.filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
  if (safe.length === 0) return [];
  const all = opts.publishedOnly ? 0 : 1;
  if (store.kind === "postgres") {
    const query = safe.map((t) => `'${t}':*`).join(" & ");
    const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
    const r = await sql<{ kind: SearchKind; ref: string; title: string; snippet: string; score: number }>`
      select kind, ref, title, ts_headline('english', title || ': ' || body, q, ${options}) as snippet, ts_rank(tsv, q) as score
      from search_docs, to_tsquery('english', ${query}) as q
      where tsv @@ q and (published = 1 or ${all} = 1)
      order by score desc, kind, ref limit ${opts.limit}`.execute(store.db);
    return r.rows.map((x) => ({ ...x, score: Number(x.score) }));
  }
  const query = safe.map((t) => `"${t}"*`).join(" ");
  const r = await sql<{ kind: SearchKind; ref: string; title: string; snippet: string; score: number }>`
    select kind, ref, title, snippet(search_fts, -1, ${MARK_START}, ${MARK_END}, ' … ', 24) as snippet,
      -bm25(search_fts, 0, 0, 0, 10.0, 1.0) as score
    from search_fts where search_fts match ${query} and (published = 1 or ${all} = 1)
    order by score desc, kind, ref limit ${opts.limit}`.execute(store.db);
  return r.rows;
}
