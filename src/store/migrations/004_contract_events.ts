/**
 * What the contract register lacks for Procurement Act 2023 notices: a contract's KPIs (UK7),
 * performance ratings per period (UK9), changes with value and term before and after (UK10) and
 * its termination (UK11). Each row has a published flag and a demo flag.
 */
import type { Kysely } from "kysely";
import { moneyType } from "../dialect.ts";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const money = moneyType(db);
  await db.schema
    .createTable("contract_kpis")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex("contract_kpis_contract").on("contract_kpis").column("contract_id").execute();

  await db.schema
    .createTable("contract_ratings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("kpi_id", "text", (c) => c.notNull().references("contract_kpis.id"))
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("rating", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("contract_ratings_kpi_period", ["kpi_id", "period_end"])
    .execute();
  await db.schema
    .createIndex("contract_ratings_contract")
    .on("contract_ratings")
    .columns(["contract_id", "period_end"])
    .execute();

  await db.schema
    .createTable("contract_changes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("changed_on", "text", (c) => c.notNull())
    .addColumn("works", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("value_before_pence", money, (c) => c.notNull())
    .addColumn("value_after_pence", money, (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_before", "text", (c) => c.notNull())
    .addColumn("end_after", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("contract_changes_contract")
    .on("contract_changes")
    .column("contract_id")
    .execute();

  await db.schema
    .createTable("contract_terminations")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("terminated_on", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull())
    .addColumn("total_paid_pence", money, (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("contract_terminations").execute();
  await db.schema.dropTable("contract_changes").execute();
  await db.schema.dropTable("contract_ratings").execute();
  await db.schema.dropTable("contract_kpis").execute();
}
