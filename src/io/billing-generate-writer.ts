/**
 * Writes a generated billing data set: one CSV per register, plus truth.csv. These are inputs to
 * nous's own parser (and truth.csv the exceptions it should find), so every field is written
 * verbatim (src/shared/csv.ts): quoted per RFC 4180, never given the spreadsheet-formula prefix
 * and no BOM, so what the generator (or a test) planted is exactly what the parser reads back.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_HEADERS, type GeneratedTable, type GeneratorSink } from "../billing/generate.ts";
import { csvRow, verbatim } from "../shared/csv.ts";
import { BufferedWriter } from "./billing-write.ts";

export function csvSink(outDir: string): GeneratorSink & { close(): void } {
  mkdirSync(outDir, { recursive: true });
  const writers = new Map<GeneratedTable, BufferedWriter>();
  for (const t of Object.keys(GENERATED_HEADERS) as GeneratedTable[]) {
    const w = new BufferedWriter(join(outDir, `${t}.csv`));
    w.write(`${csvRow(GENERATED_HEADERS[t].map(verbatim))}\n`);
    writers.set(t, w);
  }
  return {
    row(table, fields) {
      writers.get(table)!.write(`${csvRow(fields.map(verbatim))}\n`);
    },
    close() {
      for (const w of writers.values()) w.close();
    },
  };
}
