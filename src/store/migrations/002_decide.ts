/** Decide: stored appraisal cases, delivery model assessments, workforce impacts, capability self-assessments, payment profiles, and gate events. */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("decide_documents")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("service_id", "text", (c) => c.references("services.id"))
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body_json", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("decide_documents_pk", ["kind", "id"])
    .execute();
  await db.schema
    .createIndex("decide_documents_contract")
    .on("decide_documents")
    .column("contract_id")
    .execute();

  await db.schema
    .createTable("decide_gate_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.references("services.id"))
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("gate", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("by_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("evidence_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("reason", "text")
    .addColumn("drivers_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema
    .createIndex("decide_gate_events_contract")
    .on("decide_gate_events")
    .column("contract_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("decide_gate_events").ifExists().execute();
  await db.schema.dropTable("decide_documents").ifExists().execute();
}
