/**
 * The whole-body scrutiny report on the demo store (SQLite in a temp folder): the time to read
 * the store and build the document (src/app/report.ts), and to render it to HTML with its SVG
 * charts, against the baseline measured in the same run of serialising the same input to JSON.
 * The appraisal's Monte Carlo and the red flags are computed once, before timing, as the server
 * caches them. Prints the medians and the ratio.
 *
 *   npx tsx bench/report.ts [--runs 10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { loadDemo } from "../src/app/demo.ts";
import { derivedResults } from "../src/app/derived-results.ts";
import { scrutinyReportInput } from "../src/app/report.ts";
import { buildScrutinyReport } from "../src/report/build.ts";
import { renderReportHtml } from "../src/report/html.ts";
import { openMigrated } from "../src/store/db.ts";

const runsArg = process.argv.indexOf("--runs");
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), "nous-bench-report-"));
const store = await openMigrated(join(dir, "nous.db"));
const derived = derivedResults(store);
try {
  await loadDemo(store);
  const opts = { today: "2026-06-30" };
  const warm = await scrutinyReportInput(store, derived, opts);
  const read: number[] = [];
  const render: number[] = [];
  const json: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const input = await scrutinyReportInput(store, derived, opts);
    const doc = buildScrutinyReport(input);
    read.push(performance.now() - t);
    t = performance.now();
    const html = renderReportHtml(doc);
    render.push(performance.now() - t);
    bytes = html.length;
    t = performance.now();
    JSON.stringify(warm);
    json.push(performance.now() - t);
  }
  const total = median(read) + median(render);
  console.log(`scrutiny report (whole body, demo store), median of ${runs} runs:`);
  console.log(`  read the store and build the document: ${median(read).toFixed(1)} ms`);
  console.log(
    `  render HTML with ${(renderReportHtml(buildScrutinyReport(warm)).match(/<svg/g) ?? []).length} SVG charts: ${median(render).toFixed(1)} ms (${(bytes / 1024).toFixed(0)} KiB)`,
  );
  console.log(`  baseline, JSON.stringify of the same input: ${median(json).toFixed(2)} ms`);
  console.log(`  ratio report / baseline: ${(total / median(json)).toFixed(0)}x`);
} finally {
  await derived.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
