/** Accounts, audit trail, the service pipeline, contracts, decisions, elections, OCDS releases. */
import type { Kysely } from "kysely";
import { isPostgres, moneyType } from "../dialect.ts";

// Migrations run against any schema version, so they take an untyped Kysely.
// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const money = moneyType(db);
  const pg = isPostgres(db);

  await db.schema
    .createTable("users")
    .addColumn("id", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("seq", "integer", (c) => c.primaryKey())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("data_json", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("audit_head")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.insertInto("audit_head").values({ id: 1, seq: 0, hash: "" }).execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("waves")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("services")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("annual_cost_pence", money)
    .addColumn("staff", "integer")
    .addColumn("volumes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("classification", "text", (c) => c.notNull())
    .addColumn("classification_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("stage", "text", (c) => c.notNull())
    .addColumn("wave_id", "text", (c) => c.references("waves.id"))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("contracts")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ocid", "text")
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("buyer", "text", (c) => c.notNull())
    .addColumn("supplier", "text", (c) => c.notNull())
    .addColumn("service_ids_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("value_pence", money)
    .addColumn("savings_claimed_pence", money)
    .addColumn("awarded_on", "text")
    .addColumn("start_date", "text")
    .addColumn("end_date", "text")
    .addColumn("max_end_date", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("service_id", "text", (c) => c.references("services.id"))
    .addColumn("contract_id", "text", (c) => c.references("contracts.id"))
    .addColumn("decided_on", "text", (c) => c.notNull())
    .addColumn("gate", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("drivers_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("decided_by", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("out_of_order_reason", "text")
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("demo_fields_json", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("decisions_service").on("decisions").column("service_id").execute();

  await db.schema
    .createTable("elections")
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().defaultTo(""))
    .addPrimaryKeyConstraint("elections_pk", ["body", "held_on"])
    .execute();

  await db.schema
    .createTable("releases")
    .addColumn("ocid", "text", (c) => c.notNull())
    .addColumn("release_id", "text", (c) => c.notNull())
    .addColumn("date", "text", (c) => c.notNull())
    .addColumn("tags", "text", (c) => c.notNull())
    .addColumn("buyer", "text")
    .addColumn("data_json", "text", (c) => c.notNull())
    .addColumn("imported_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("releases_pk", ["ocid", "release_id"])
    .execute();
  await db.schema.createIndex("releases_date").on("releases").column("date").execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    "releases",
    "elections",
    "decisions",
    "contracts",
    "services",
    "waves",
    "organisations",
    "audit_head",
    "audit_log",
    "api_tokens",
    "sessions",
    "users",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
