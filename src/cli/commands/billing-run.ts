/**
 * What `nous billing ...` does, loaded only when one of those commands runs (the command
 * declarations in billing.ts stay cheap, so `nous --version` does not load the engine or the store).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generate as generateDataset } from "../../billing/generate.ts";
import { reconcileDataset } from "../../billing/reconcile.ts";
import { RULE_IDS } from "../../billing/types.ts";
import { InputError } from "../../shared/errors.ts";
import { formatGBP } from "../../shared/money.ts";
import { csvSink } from "../../io/billing-generate-writer.ts";
import { BILLING_FILES, loadBillingFolder } from "../../io/billing-load.ts";
import { writeRejects, writeResults } from "../../io/billing-write.ts";
import { uploadRun } from "../../app/billing.ts";
import { createProgress } from "../progress.ts";
import { withStore } from "../store.ts";

function positiveInt(name: string, v: string): number {
  if (!/^\d+$/.test(v)) throw new InputError(`${name}: expected a whole number, got "${v}"`);
  return Number(v);
}

export function reconcile(o: { data: string; out: string; rejects?: string; quiet?: boolean }): void {
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
}

export async function store(o: {
  contract: string;
  data: string;
  reason: string;
  db?: string;
  quiet?: boolean;
}): Promise<void> {
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
      return await uploadRun(store, o.contract, files, { username: "cli", reason: o.reason });
    } catch (e) {
      // The use case names the file in its message for the API; here the reader's own error
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
}

export function generate(o: { out: string; lines: string; seed: string; quiet?: boolean }): void {
  const lines = positiveInt("--lines", o.lines);
  const seed = positiveInt("--seed", o.seed);
  const sink = csvSink(o.out);
  const bar = createProgress("generating", lines, { quiet: o.quiet });
  const stats = generateDataset({ lines, seed, onProgress: (d, t) => bar.update(d, t) }, sink);
  sink.close();
  bar.stop();
  const planted = RULE_IDS.map((id) => `${id} ${stats.planted[id]}`).join(", ");
  process.stdout.write(
    `${stats.lines} lines for ${stats.subjects} subjects; anomalous subjects: ${planted}\n`,
  );
}
