/** `nous billing ...` commands: a thin adapter over the engine in src/billing/. */
import type { Command } from "commander";
import { generate } from "../../billing/generate.ts";
import { reconcileDataset } from "../../billing/reconcile.ts";
import { RULE_IDS } from "../../billing/types.ts";
import { InputError } from "../../shared/errors.ts";
import { formatGBP } from "../../shared/money.ts";
import { csvSink } from "../../io/billing-generate-writer.ts";
import { loadBillingFolder } from "../../io/billing-load.ts";
import { writeRejects, writeResults } from "../../io/billing-write.ts";
import { createProgress } from "../progress.ts";

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
