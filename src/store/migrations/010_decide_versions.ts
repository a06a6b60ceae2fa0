/**
 * Versions of Decide's documents: every save of an appraisal case (or any other kind) from the
 * dashboard's forms is a numbered version, kept for good, a draft until it is published. The
 * published version is copied into decide_documents, which the rest of the system reads as
 * before; the versions table is what a comparison and the history read.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("decide_versions")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("doc_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("author", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addColumn("service_id", "text", (c) => c.references("services.id"))
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_json", "text", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("decide_versions_pk", ["kind", "doc_id", "version"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("decide_versions").ifExists().execute();
}
