/**
 * Writes reconciliation results: exceptions.csv, summary.json and the rejected rows. The CSV files
 * are for finance to open in a spreadsheet: they start with a BOM, and every id a supplier wrote is
 * a text cell (src/shared/csv.ts), so one that looks like a formula is written as text.
 */
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Dataset } from "../billing/dataset.ts";
import type { ExceptionTable } from "../billing/reconcile.ts";
import { type BillingSummary, RULE_IDS } from "../billing/types.ts";
import { CSV_BOM, csvHeader, csvRow, num, text } from "../shared/csv.ts";
import { penceToDecimal } from "../shared/money.ts";
import type { RejectedRow } from "./billing-csv.ts";

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

/** exceptions.csv's header line (without the BOM the file starts with). */
export const EXCEPTION_HEADER = "line_id,invoice_id,subject_id,rule,days,amount_at_risk\n";

export function writeExceptionsCsv(path: string, ds: Dataset, t: ExceptionTable): void {
  const w = new BufferedWriter(path);
  w.write(CSV_BOM + EXCEPTION_HEADER);
  const L = ds.lines;
  for (let i = 0; i < t.count; i++) {
    const l = t.line[i]!;
    const row = csvRow([
      text(L.lineId[l]!),
      text(ds.invoices[L.invoice[l]!]!),
      text(ds.subjects[L.subject[l]!]!),
      text(RULE_IDS[t.rule[i]!]!),
      num(t.days[i]!),
      num(penceToDecimal(t.amount[i]!)),
    ]);
    w.write(`${row}\n`);
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
  w.write(`${CSV_BOM}${csvHeader(["file", "line", "column", "reason"])}\n`);
  for (const r of rejects)
    w.write(`${csvRow([text(r.file), num(r.line), text(r.column), text(r.reason)])}\n`);
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
