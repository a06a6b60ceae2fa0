/** Writes reconciliation results: exceptions.csv, summary.json and the rejected rows. */
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../billing/dataset.ts";
import type { ExceptionTable } from "../billing/reconcile.ts";
import { type BillingSummary, RULE_IDS } from "../billing/types.ts";
import { penceToDecimal } from "../shared/money.ts";
import type { RejectedRow } from "./billing-csv.ts";
import { csvField } from "../shared/csv.ts";

/** Appends text to a file through a large buffer. */
export class BufferedWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string) {
    this.fd = openSync(path, "w");
  }
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export const EXCEPTION_HEADER = "line_id,invoice_id,subject_id,rule,days,amount_at_risk\n";

export function writeExceptionsCsv(path: string, ds: Dataset, t: ExceptionTable): void {
  const w = new BufferedWriter(path);
  w.write(EXCEPTION_HEADER);
  const L = ds.lines;
  for (let i = 0; i < t.count; i++) {
    const l = t.line[i]!;
    w.write(
      `${csvField(L.lineId[l]!)},${csvField(ds.invoices[L.invoice[l]!]!)},${csvField(ds.subjects[L.subject[l]!]!)},${RULE_IDS[t.rule[i]!]},${t.days[i]},${penceToDecimal(t.amount[i]!)}\n`,
    );
  }
  w.close();
}

/** The summary as JSON-ready data, money as decimal strings. */
export function summaryJson(s: BillingSummary, rejectedRows?: number): Record<string, unknown> {
  const byRule: Record<string, { lines: number; days: number; amount: string }> = {};
  for (const id of RULE_IDS) {
    const r = s.byRule[id];
    byRule[id] = { lines: r.lines, days: r.days, amount: penceToDecimal(r.amount) };
  }
  const out: Record<string, unknown> = {
    lines: s.lines,
    subjectDays: s.subjectDays,
    billed: penceToDecimal(s.billed),
    atRisk: penceToDecimal(s.atRisk),
    byRule,
    skippedRules: s.skippedRules,
  };
  if (rejectedRows !== undefined) out.rejectedRows = rejectedRows;
  return out;
}

export function writeRejects(path: string, rejects: RejectedRow[]): void {
  const w = new BufferedWriter(path);
  w.write("file,line,column,reason\n");
  for (const r of rejects)
    w.write(`${csvField(r.file)},${r.line},${csvField(r.column)},${csvField(r.reason)}\n`);
  w.close();
}

/** Writes exceptions.csv and summary.json into outDir; each file appears whole or not at all. */
export function writeResults(
  outDir: string,
  ds: Dataset,
  t: ExceptionTable,
  summary: BillingSummary,
  rejectedRows?: number,
): void {
  mkdirSync(outDir, { recursive: true });
  const ex = join(outDir, "exceptions.csv");
  writeExceptionsCsv(`${ex}.part`, ds, t);
  renameSync(`${ex}.part`, ex);
  const sj = join(outDir, "summary.json");
  writeFileSync(`${sj}.part`, `${JSON.stringify(summaryJson(summary, rejectedRows), null, 2)}\n`);
  renameSync(`${sj}.part`, sj);
}
