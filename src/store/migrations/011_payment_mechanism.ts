/**
 * A contract's payment mechanism: its pricing basis (with a target cost's pain/gain shares), how
 * often it is invoiced, the days to pay, its indexation and the date that is next applied, the cap
 * on service credits, and a note. One row per contract, replaced whole. Shares and rates are
 * integer basis points, dates ISO text, no money column: the same types on SQLite and PostgreSQL.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("contract_payment_mechanisms")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("pricing_basis", "text", (c) => c.notNull())
    .addColumn("pain_share_bp", "integer")
    .addColumn("gain_share_bp", "integer")
    .addColumn("invoicing", "text", (c) => c.notNull())
    .addColumn("payment_terms_days", "integer", (c) => c.notNull())
    .addColumn("indexation", "text", (c) => c.notNull())
    .addColumn("indexation_rate_bp", "integer")
    .addColumn("indexation_review_on", "text")
    .addColumn("service_credit_cap_bp", "integer")
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("contract_payment_mechanisms").ifExists().execute();
}
