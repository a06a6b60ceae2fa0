/** `nous billing ...` commands: a thin adapter over the engine in src/billing/. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { generate } from "../../billing/generate.ts";
import { reconcileDataset } from "../../billing/reconcile.ts";
import { RULE_IDS } from "../../billing/types.ts";
import { InputError } from "../../shared/errors.ts";
import { formatGBP } from "../../shared/money.ts";
import { csvSink } from "../../io/billing-generate-writer.ts";
import { BILLING_FILES, loadBillingFolder } from "../../io/billing-load.ts";
import { writeRejects, writeResults } from "../../io/billing-write.ts";
import { storeRun } from "../../store/billing.ts";
import { createProgress } from "../progress.ts";
import { DB_HELP, withStore } from "../store.ts";

function positiveInt(name: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new InputError(`${name}: expected a whole number, got "${v}"`);
  return Number(v);
}

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
    .action((o: { data: string; out: string; rejects?: string; quiet?: boolean }) => {
      const loadBar = createProgress("reading", 0, { quiet: o.quiet });
      const loaded = loadBillingFolder(o.data, {
        collectRejects: o.rejects !== undefined,
        onProgress: (d, t) => loadBar.update(d, t),
      });
      loadBar.stop();
      const bar = createProgress("reconciling", loaded.dataset.lines.count, { quiet: o.quiet });
      const { exceptions, summary } = reconcileDataset(loaded.dataset, {
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.stop();
      if (o.rejects !== undefined) writeRejects(o.rejects, loaded.rejects);
      writeResults(
        o.out,
        loaded.dataset,
        exceptions,
        summary,
        o.rejects !== undefined ? loaded.rejects.length : undefined,
      );
      const lines = [
        `${summary.lines} lines, ${summary.subjectDays} subject-days, ${formatGBP(summary.billed, 2)} billed`,
        `${exceptions.count} exceptions, ${formatGBP(summary.atRisk, 2)} at risk`,
      ];
      for (const id of RULE_IDS) {
        const r = summary.byRule[id];
        if (r.lines > 0) lines.push(`  ${id}: ${r.lines} lines, ${r.days} days, ${formatGBP(r.amount, 2)}`);
      }
      if (summary.skippedRules.length)
        lines.push(`skipped (register absent): ${summary.skippedRules.join(", ")}`);
      if (o.rejects !== undefined) lines.push(`${loaded.rejects.length} bad rows set aside in ${o.rejects}`);
      process.stdout.write(`${lines.join("\n")}\n`);
    });

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
    .action(async (o: { contract: string; data: string; reason: string; db?: string; quiet?: boolean }) => {
      if (!existsSync(o.data)) throw new InputError(`--data: no folder at ${o.data}`);
      const say = (line: string) => {
        if (!o.quiet) process.stderr.write(`${line}\n`);
      };
      const files: Record<string, string> = {};
      for (const name of Object.values(BILLING_FILES)) {
        const path = join(o.data, name);
        if (existsSync(path)) files[name] = readFileSync(path, "utf8");
      }
      say(`read ${Object.keys(files).length} files from ${o.data}`);
      say("reconciling and storing");
      const run = await withStore(o.db, async (store) => {
        try {
          return await storeRun(store, o.contract, files, { username: "cli", reason: o.reason });
        } catch (e) {
          // The store names the file in its message for the API; here the reader's own error
          // (its cause) is located at the file's path in the data folder.
          const read = e instanceof InputError ? e.cause : undefined;
          if (read instanceof InputError && read.location.file)
            throw new InputError(read.message, {
              location: { ...read.location, file: join(o.data, read.location.file) },
            });
          throw e;
        }
      });
      process.stdout.write(
        `stored run ${run.id}: ${run.lines} lines, ${run.exceptions} exceptions, ` +
          `${formatGBP(run.atRiskPence, 2)} at risk of ${formatGBP(run.billedPence, 2)} billed\n`,
      );
    });

  billing
    .command("generate")
    .description("Write a realistic, seeded national data set with planted anomalies and truth.csv")
    .requiredOption("--out <dir>", "folder to write the CSV files into")
    .option("--lines <n>", "number of invoice lines", "10000")
    .option("--seed <n>", "random seed", "1")
    .option("--quiet", "no progress output")
    .action((o: { out: string; lines: string; seed: string; quiet?: boolean }) => {
      const lines = positiveInt("--lines", o.lines);
      const seed = positiveInt("--seed", o.seed);
      const sink = csvSink(o.out);
      const bar = createProgress("generating", lines, { quiet: o.quiet });
      const stats = generate({ lines, seed, onProgress: (d, t) => bar.update(d, t) }, sink);
      sink.close();
      bar.stop();
      const planted = RULE_IDS.map((id) => `${id} ${stats.planted[id]}`).join(", ");
      process.stdout.write(
        `${stats.lines} lines for ${stats.subjects} subjects; anomalous subjects: ${planted}\n`,
      );
    });
}
