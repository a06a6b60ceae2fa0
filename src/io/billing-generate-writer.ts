/** Writes a generated billing data set: one CSV per register, plus truth.csv. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_HEADERS, type GeneratedTable, type GeneratorSink } from "../billing/generate.ts";
import { csvField } from "../shared/csv.ts";
import { BufferedWriter } from "./billing-write.ts";

export function csvSink(outDir: string): GeneratorSink & { close(): void } {
  mkdirSync(outDir, { recursive: true });
  const writers = new Map<GeneratedTable, BufferedWriter>();
  for (const t of Object.keys(GENERATED_HEADERS) as GeneratedTable[]) {
    const w = new BufferedWriter(join(outDir, `${t}.csv`));
    w.write(`${GENERATED_HEADERS[t].join(",")}\n`);
    writers.set(t, w);
  }
  return {
    row(table, fields) {
      let s = "";
      for (let i = 0; i < fields.length; i++) s += (i ? "," : "") + csvField(fields[i]!);
      writers.get(table)!.write(`${s}\n`);
    },
    close() {
      for (const w of writers.values()) w.close();
    },
  };
}
