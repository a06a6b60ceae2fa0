/**
 * A contract's term (initial end, extension options, break points, notice periods, a notice
 * given) and a supplier's owners with dated shares: what the deadlines and the derived status
 * are computed from (src/manage/term.ts, deadlines.ts, status.ts, ownership.ts).
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("contract_terms")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("initial_end_date", "text", (c) => c.notNull())
    .addColumn("end_notice_months", "integer", (c) => c.notNull())
    .addColumn("notice_kind", "text")
    .addColumn("notice_given_on", "text")
    .addColumn("notice_ends_on", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("contract_term_options")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contract_terms.contract_id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("from_date", "text", (c) => c.notNull())
    .addColumn("to_date", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("notice_months", "integer", (c) => c.notNull())
    .addColumn("decided_on", "text")
    .addColumn("note", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("contract_term_options_pk", ["contract_id", "id"])
    .execute();
  await db.schema
    .createTable("contract_break_points")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contract_terms.contract_id"))
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("notice_months", "integer", (c) => c.notNull())
    .addColumn("note", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("contract_break_points_pk", ["contract_id", "id"])
    .execute();
  await db.schema
    .createTable("supplier_owners")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("supplier", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("share_bp", "integer", (c) => c.notNull())
    .addColumn("from_date", "text")
    .addColumn("to_date", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("supplier_owners_supplier").on("supplier_owners").column("supplier").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("supplier_owners").execute();
  await db.schema.dropTable("contract_break_points").execute();
  await db.schema.dropTable("contract_term_options").execute();
  await db.schema.dropTable("contract_terms").execute();
}
