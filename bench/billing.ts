/**
 * Billing reconciliation throughput: `npx tsx bench/billing.ts [lines] [--no-duckdb] [--keep]`.
 *
 * Generates a national data set of the given number of invoice lines (default 1,000,000), then
 * runs, each in a fresh process so peak RSS is its own:
 *   engine  — the CLI path: read the CSV folder, reconcile, write exceptions.csv and summary.json;
 *   duckdb  — the baseline: DuckDB SQL that expands lines into days and joins the registers.
 * Prints lines/s, subject-days/s, peak RSS, the ratio of the two times, and whether both found
 * exactly the same exceptions (and the planted truth).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "../src/billing/generate.ts";
import { reconcileDataset } from "../src/billing/reconcile.ts";
import { csvSink } from "../src/io/billing-generate-writer.ts";
import { reconcileWithDuckdb } from "../src/io/billing-duckdb.ts";
import { loadBillingFolder } from "../src/io/billing-load.ts";
import { EXCEPTION_HEADER, writeResults } from "../src/io/billing-write.ts";

interface PhaseResult {
  seconds: number;
  maxRssMiB: number;
  subjectDays?: number;
  rows?: string[];
}

async function phase(name: string, data: string, out: string): Promise<void> {
  const t0 = performance.now();
  const result: PhaseResult = { seconds: 0, maxRssMiB: 0 };
  if (name === "engine") {
    const { dataset } = loadBillingFolder(data);
    const { exceptions, summary } = reconcileDataset(dataset);
    writeResults(out, dataset, exceptions, summary);
    result.subjectDays = summary.subjectDays;
  } else {
    const rows = await reconcileWithDuckdb(data, { memoryLimit: "12GB" });
    const text = rows.map(
      (r) => `${r.line_id},${r.invoice_id},${r.subject_id},${r.rule},${r.days},${r.amount_at_risk}`,
    );
    result.rows = text;
  }
  result.seconds = (performance.now() - t0) / 1000;
  result.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runPhase(name: string, data: string, out: string): PhaseResult {
  const r = spawnSync(
    process.execPath,
    ["--max-old-space-size=8192", "--import", "tsx", "bench/billing.ts", "--phase", name, data, out],
    { encoding: "utf8", maxBuffer: 1 << 30 },
  );
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const last = r.stdout.trim().split("\n").pop()!;
  return JSON.parse(last) as PhaseResult;
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--phase") return phase(args[1]!, args[2]!, args[3]!);
  const lines = Number(args.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
  const withDuckdb = !args.includes("--no-duckdb");
  const dir = mkdtempSync(join(tmpdir(), "nous-billing-bench-"));
  const data = join(dir, "data");
  const out = join(dir, "out");
  try {
    let t = performance.now();
    const sink = csvSink(data);
    const stats = generate({ lines, seed: 2013 }, sink);
    sink.close();
    console.log(
      `generated ${fmt(stats.lines)} lines for ${fmt(stats.subjects)} subjects in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );

    const engine = runPhase("engine", data, out);
    const days = engine.subjectDays ?? 0;
    console.log(
      `engine  : ${engine.seconds.toFixed(2)} s, ${fmt(lines / engine.seconds)} lines/s, ${fmt(days / engine.seconds)} subject-days/s, peak RSS ${fmt(engine.maxRssMiB)} MiB (${fmt(days)} subject-days)`,
    );
    const sorted = (text: string) => text.trim().split("\n").slice(1).sort();
    const engineRows = sorted(readFileSync(join(out, "exceptions.csv"), "utf8"));
    const truth = sorted(readFileSync(join(data, "truth.csv"), "utf8"));
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    console.log(
      `engine exceptions equal planted truth: ${same(engineRows, truth) ? "yes" : "NO"} (${fmt(engineRows.length)} rows)`,
    );

    if (withDuckdb) {
      t = performance.now();
      const duck = runPhase("duckdb", data, out);
      console.log(
        `duckdb  : ${duck.seconds.toFixed(2)} s, ${fmt(lines / duck.seconds)} lines/s, ${fmt(days / duck.seconds)} subject-days/s, peak RSS ${fmt(duck.maxRssMiB)} MiB`,
      );
      console.log(
        `ratio   : engine is ${(duck.seconds / engine.seconds).toFixed(1)}x the speed of the DuckDB day-expansion SQL`,
      );
      const duckRows = sorted(EXCEPTION_HEADER + (duck.rows ?? []).join("\n"));
      console.log(`duckdb exceptions equal engine's: ${same(duckRows, engineRows) ? "yes" : "NO"}`);
    }
  } finally {
    if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
    else console.log(`data kept in ${dir}`);
  }
}

await main();
