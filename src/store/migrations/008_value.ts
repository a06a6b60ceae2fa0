/**
 * Value over a contract's life: the award it is measured against, its variations as an
 * append-only history of versions (no update or delete: a correction is a new version), the
 * business case's savings plan by year, and the exit plan with its break points. Money in integer
 * pence (a variation's delta is signed), index values as decimal text, dates ISO text.
 */
import type { Kysely } from "kysely";
import { moneyType } from "../dialect.ts";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const money = moneyType(db);
  await db.schema
    .createTable("contract_award_baselines")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("award_value_pence", money, (c) => c.notNull())
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("award_end_date", "text", (c) => c.notNull())
    .addColumn("award_max_end_date", "text", (c) => c.notNull())
    .addColumn("works", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("regime", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("contract_variations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contract_award_baselines.contract_id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("corrects_version", "integer")
    .addColumn("changed_on", "text", (c) => c.notNull())
    .addColumn("approved_on", "text", (c) => c.notNull())
    .addColumn("approved_by", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("value_delta_pence", money, (c) => c.notNull())
    .addColumn("end_after", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("contract_variations_version", ["contract_id", "version"])
    .execute();
  await db.schema
    .createTable("contract_savings_plans")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("baseline_annual_pence", money, (c) => c.notNull())
    .addColumn("index_name", "text", (c) => c.notNull())
    .addColumn("base_index", "text", (c) => c.notNull())
    .addColumn("claimed_total_pence", money, (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("contract_savings_years")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contract_savings_plans.contract_id"))
    .addColumn("start_date", "text", (c) => c.notNull())
    .addColumn("end_date", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("claimed_pence", money, (c) => c.notNull())
    .addColumn("index_value", "text", (c) => c.notNull())
    .addColumn("payments_pence", money)
    .addColumn("retained_pence", money, (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("contract_savings_years_pk", ["contract_id", "start_date"])
    .execute();
  await db.schema
    .createTable("contract_exit_plans")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("assets", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("staff", "text", (c) => c.notNull())
    .addColumn("staff_count", "integer", (c) => c.notNull())
    .addColumn("months_needed", "integer", (c) => c.notNull())
    .addColumn("exit_cost_pence", money, (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable("contract_exit_breaks")
    .addColumn("contract_id", "text", (c) => c.notNull().references("contract_exit_plans.contract_id"))
    .addColumn("on_date", "text", (c) => c.notNull())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("notice_months", "integer", (c) => c.notNull())
    .addColumn("termination_fee_pence", money, (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("contract_exit_breaks_pk", ["contract_id", "on_date"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("contract_exit_breaks").execute();
  await db.schema.dropTable("contract_exit_plans").execute();
  await db.schema.dropTable("contract_savings_years").execute();
  await db.schema.dropTable("contract_savings_plans").execute();
  await db.schema.dropTable("contract_variations").execute();
  await db.schema.dropTable("contract_award_baselines").execute();
}
