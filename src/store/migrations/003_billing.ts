/** Billing assurance: reconciliation runs per contract, their exceptions, and each exception's history. */
import type { Kysely } from "kysely";
import { moneyType } from "../dialect.ts";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const money = moneyType(db);
  await db.schema
    .createTable("billing_runs")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("contract_id", "text", (c) => c.notNull().references("contracts.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("current", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("files_json", "text", (c) => c.notNull())
    .addColumn("lines", "integer", (c) => c.notNull())
    .addColumn("subject_days", "integer", (c) => c.notNull())
    .addColumn("billed_pence", money, (c) => c.notNull())
    .addColumn("at_risk_pence", money, (c) => c.notNull())
    .addColumn("exceptions", "integer", (c) => c.notNull())
    .addColumn("by_rule_json", "text", (c) => c.notNull())
    .addColumn("skipped_rules_json", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint("billing_runs_contract_seq", ["contract_id", "seq"])
    .execute();

  await db.schema
    .createTable("billing_exceptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("run_id", "text", (c) => c.notNull().references("billing_runs.id"))
    .addColumn("contract_id", "text", (c) => c.notNull())
    .addColumn("supplier", "text", (c) => c.notNull())
    .addColumn("invoice_id", "text", (c) => c.notNull())
    .addColumn("line_id", "text", (c) => c.notNull())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("service_code", "text", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("days", "integer", (c) => c.notNull())
    .addColumn("amount_pence", money, (c) => c.notNull())
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("period_start", "text", (c) => c.notNull())
    .addColumn("period_end", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull().defaultTo("open"))
    .addColumn("recovered_pence", money, (c) => c.notNull().defaultTo(0))
    .addColumn("credit_note", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("evidence_json", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("billing_exceptions_run")
    .on("billing_exceptions")
    .columns(["run_id", "rule"])
    .execute();
  await db.schema
    .createIndex("billing_exceptions_subject")
    .on("billing_exceptions")
    .columns(["run_id", "subject_id"])
    .execute();

  await db.schema
    .createTable("billing_exception_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("exception_id", "text", (c) => c.notNull().references("billing_exceptions.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("from_state", "text", (c) => c.notNull())
    .addColumn("to_state", "text", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("data_json", "text", (c) => c.notNull())
    .addColumn("demo", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("billing_exception_events_exception")
    .on("billing_exception_events")
    .column("exception_id")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ["billing_exception_events", "billing_exceptions", "billing_runs"])
    await db.schema.dropTable(t).ifExists().execute();
}
