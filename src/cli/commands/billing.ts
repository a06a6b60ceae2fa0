/**
 * `nous billing ...` commands: a thin adapter over the engine in src/billing/. This file only
 * declares the commands; what each does is in billing-run.ts, loaded when one of them runs.
 */
import type { Command } from "commander";
import { DB_HELP } from "../store.ts";

const run = () => import("./billing-run.ts");

export function registerBilling(program: Command): void {
  const billing = program
    .command("billing")
    .description("Billing assurance: check every invoice line against the authority's own records");

  billing
    .command("reconcile")
    .description("Reconcile invoice_lines.csv against the registers in a data folder")
    .requiredOption("--data <dir>", "folder with invoice_lines.csv, orders.csv, service_events.csv, ...")
    .requiredOption("--out <dir>", "folder to write exceptions.csv and summary.json")
    .option("--rejects <file>", "set bad rows aside in this CSV and go on, instead of stopping")
    .option("--quiet", "no progress output")
    .action(async (o: { data: string; out: string; rejects?: string; quiet?: boolean }) =>
      (await run()).reconcile(o),
    );

  billing
    .command("store")
    .description(
      "Reconcile a contract's data folder and store the run, its exceptions and their evidence in the\n" +
        "database, as an upload through the dashboard does: the exceptions join the contract's queue.\n" +
        "A bad row stops it and nothing is stored (exit 1).",
    )
    .requiredOption("--contract <id>", "the contract in the register the invoices are for")
    .requiredOption("--data <dir>", "folder with invoice_lines.csv, orders.csv, service_events.csv, ...")
    .requiredOption("--reason <text>", "why the run is stored (kept in the audit trail)")
    .option("--db <url>", DB_HELP)
    .option("--quiet", "no progress output")
    .action(async (o: { contract: string; data: string; reason: string; db?: string; quiet?: boolean }) =>
      (await run()).store(o),
    );

  billing
    .command("generate")
    .description("Write a realistic, seeded national data set with planted anomalies and truth.csv")
    .requiredOption("--out <dir>", "folder to write the CSV files into")
    .option("--lines <n>", "number of invoice lines", "10000")
    .option("--seed <n>", "random seed", "1")
    .option("--quiet", "no progress output")
    .action(async (o: { out: string; lines: string; seed: string; quiet?: boolean }) =>
      (await run()).generate(o),
    );
}
