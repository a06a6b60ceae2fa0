/**
 * Performance and obligations: how each KPI is measured (target value, tolerance, direction,
 * period, weight, who reports it, from when), its results per period, a service-credit regime
 * per contract, and the contract's obligations with each completion and its evidence. Money in
 * integer pence, percentages in basis points, figures as decimal text, dates ISO text.
 */
import type { Kysely } from "kysely";
import { moneyType } from "../dialect.ts";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

const KPI_COLUMNS: [string, "text" | "integer", string | number][] = [
  ["target_value", "text", ""],
  ["tolerance", "text", "0"],
  ["direction", "text", "higher"],
  ["period", "text", "annual"],
  ["weight", "integer", 1],
  ["source", "text", "authority"],
  ["unit", "text", ""],
  ["measured_from", "text", ""],
];

export async function up(db: AnyDb): Promise<void> {
  const money = moneyType(db);
  for (const [name, type, dflt] of KPI_COLUMNS)
    await db.schema
      .alterTable("contract_kpis")
      .addColumn(name, type, (c) => c.notNull().defaultTo(dflt))
      .execute();

  await db.schema
    .createTable("kpi_results")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("kpi_id", "text", (c) => c.notNull().references("contract_kpis.id"))
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("verified_by", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("verified_on", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("rating_override", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("override_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("kpi_results_kpi_period", ["kpi_id", "period_end"])
    .execute();
  await db.schema
    .createIndex("kpi_results_contract")
    .on("kpi_results")
    .columns(["contract_id", "period_end"])
    .execute();

  await db.schema
    .createTable("service_credit_regimes")
    .addColumn("contract_id", "text", (c) => c.primaryKey().references("contracts.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("monthly_charge_pence", money, (c) => c.notNull())
    .addColumn("credit_bp", "integer", (c) => c.notNull())
    .addColumn("points_per_failure", "integer", (c) => c.notNull())
    .addColumn("pence_per_point", money, (c) => c.notNull())
    .addColumn("cap_bp", "integer", (c) => c.notNull())
    .addColumn("missing_counts", "integer", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("contract_obligations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("recurrence", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("notes", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("contract_obligations_contract")
    .on("contract_obligations")
    .columns(["contract_id", "due_date"])
    .execute();

  await db.schema
    .createTable("obligation_completions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("obligation_id", "text", (c) => c.notNull().references("contract_obligations.id"))
    .addColumn("due_date", "text", (c) => c.notNull())
    .addColumn("completed_on", "text", (c) => c.notNull())
    .addColumn("evidence", "text", (c) => c.notNull())
    .addColumn("completed_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("obligation_completions").execute();
  await db.schema.dropTable("contract_obligations").execute();
  await db.schema.dropTable("service_credit_regimes").execute();
  await db.schema.dropTable("kpi_results").execute();
  for (const [name] of [...KPI_COLUMNS].reverse())
    await db.schema.alterTable("contract_kpis").dropColumn(name).execute();
}
