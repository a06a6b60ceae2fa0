import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/billing/generate.ts";
import { listExceptions, reconcileDataset } from "../../src/billing/index.ts";
import { csvSink } from "../../src/io/billing-generate-writer.ts";
import { reconcileWithDuckdb } from "../../src/io/billing-duckdb.ts";
import { loadBillingFolder } from "../../src/io/billing-load.ts";
import { penceToDecimal } from "../../src/shared/money.ts";

const rowsOf = (text: string) => text.trim().split("\n").slice(1).sort();

describe("generated national data", () => {
  let dir: string;
  let engineRows: string[];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "nous-billing-gen-"));
    const sink = csvSink(dir);
    const stats = generate({ lines: 2000, seed: 42 }, sink);
    sink.close();
    expect(stats.lines).toBe(2000);
    const { dataset } = loadBillingFolder(dir);
    const { exceptions } = reconcileDataset(dataset);
    engineRows = listExceptions(dataset, exceptions)
      .map((e) =>
        [e.lineId, e.invoiceId, e.subjectId, e.rule, e.days, penceToDecimal(e.amountAtRisk)].join(","),
      )
      .sort();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds exactly what was planted (truth.csv), every rule represented", () => {
    const truth = rowsOf(readFileSync(join(dir, "truth.csv"), "utf8"));
    expect(engineRows).toEqual(truth);
    const rules = new Set(truth.map((r) => r.split(",")[3]));
    expect([...rules].sort()).toEqual(["B01", "B02", "B03", "B04", "B05", "B06", "B07", "B08", "B09"]);
  });

  it("is repeatable for a seed", () => {
    const a: string[] = [];
    const b: string[] = [];
    generate({ lines: 300, seed: 9 }, { row: (t, f) => a.push(`${t}:${f.join(",")}`) });
    generate({ lines: 300, seed: 9 }, { row: (t, f) => b.push(`${t}:${f.join(",")}`) });
    expect(a).toEqual(b);
  });

  it("agrees line by line and rule by rule with the day-by-day DuckDB SQL", async () => {
    const sql = await reconcileWithDuckdb(dir, { threads: 2 });
    const sqlRows = sql
      .map((r) => [r.line_id, r.invoice_id, r.subject_id, r.rule, r.days, r.amount_at_risk].join(","))
      .sort();
    expect(sqlRows).toEqual(engineRows);
  });
});

describe("the hand-made folder", () => {
  it("gives the expected exceptions from the day-by-day DuckDB SQL too", async () => {
    const sql = await reconcileWithDuckdb("test/fixtures/billing/small", { threads: 1 });
    const got = sql.map((r) =>
      [r.line_id, r.invoice_id, r.subject_id, r.rule, r.days, r.amount_at_risk].join(","),
    );
    expect(got).toEqual(rowsOf(readFileSync("test/fixtures/billing/small/expected-exceptions.csv", "utf8")));
  });
});
