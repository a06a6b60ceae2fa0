/**
 * Questions and comments from the public, the staff's answers and how comments are moderated
 * (before publication, or none), and the full-text index that search reads.
 *
 * The index is derived data, rebuilt from the records (src/store/search.ts): an FTS5 virtual table
 * on SQLite, a table with a generated `tsvector` column and a GIN index on PostgreSQL, and one
 * row saying which state of the audit chain it was built from. None of the three is in
 * backup.ts TABLES: a backup never copies the index (nor FTS5's shadow tables), and after a
 * restore the chain's head differs from the one the index was built at, so the next search
 * rebuilds it.
 */
import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.ts";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("moderated_at", "text")
    .addColumn("moderated_by", "text")
    .addColumn("moderation_reason", "text")
    .addColumn("answer", "text")
    .addColumn("answered_at", "text")
    .addColumn("answered_by", "text")
    .execute();
  await db.schema
    .createIndex("comments_subject")
    .on("comments")
    .columns(["subject_kind", "subject_id"])
    .execute();
  await db.schema
    .createTable("comment_settings")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("moderation", "text", (c) => c.notNull())
    .addColumn("changed_at", "text")
    .addColumn("changed_by", "text")
    .execute();
  // No row is written here, so a restore can bring its own: with no row, a comment waits for
  // moderation (src/store/comments.ts), which is the closed default.

  await db.schema
    .createTable("search_state")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("audit_hash", "text", (c) => c.notNull())
    .execute();
  if (isPostgres(db)) {
    await sql`create table search_docs (
      kind text not null,
      ref text not null,
      published integer not null,
      title text not null,
      body text not null,
      tsv tsvector generated always as (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) stored
    )`.execute(db);
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(
      kind unindexed, ref unindexed, published unindexed, title, body, tokenize = 'porter unicode61'
    )`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await sql`drop table if exists search_docs`.execute(db);
  else await sql`drop table if exists search_fts`.execute(db);
  for (const t of ["search_state", "comment_settings", "comments"])
    await db.schema.dropTable(t).ifExists().execute();
}
