import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { registerBilling } from "../../src/cli/commands/billing.ts";
import { CSV_BOM } from "../../src/shared/csv.ts";
import { formatLocation, InputError } from "../../src/shared/errors.ts";

const FIXTURE = "test/fixtures/billing/small";
const work = mkdtempSync(join(tmpdir(), "nous-billing-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function nous(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/nous.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a billing command in this process; returns the one-line error main.ts would print, or "". */
async function inProcess(...args: string[]): Promise<string> {
  const program = new Command().exitOverride();
  registerBilling(program);
  process.env.NOUS_QUIET = "1";
  try {
    await program.parseAsync(["billing", ...args, "--quiet"], { from: "user" });
    return "";
  } catch (err) {
    if (err instanceof InputError) return `nous: ${formatLocation(err.location)}: ${err.message}`;
    throw err;
  }
}

/** A copy of the fixture with invoice_lines.csv line `n` (1-based) replaced. */
function withLine(name: string, n: number, text: string): string {
  const dir = join(work, name);
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, "invoice_lines.csv");
  const lines = readFileSync(path, "utf8").split("\n");
  lines[n - 1] = text;
  writeFileSync(path, lines.join("\n"));
  return dir;
}

describe("nous billing reconcile", () => {
  it("writes exceptions.csv and summary.json for the hand-made folder", async () => {
    const out = join(work, "out-ok");
    expect(await inProcess("reconcile", "--data", FIXTURE, "--out", out)).toBe("");
    // For finance to open in Excel: a BOM first (src/shared/csv.ts), then the expected rows.
    expect(readFileSync(join(out, "exceptions.csv"), "utf8")).toBe(
      CSV_BOM + readFileSync(join(FIXTURE, "expected-exceptions.csv"), "utf8"),
    );
    const s = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(s).toMatchObject({
      lines: 7,
      subjectDays: 193,
      billed: "2116.01",
      atRisk: "946.01",
      skippedRules: [],
    });
    expect(s.byRule.B08).toEqual({ lines: 1, days: 31, amount: "310.00" });
  });

  it("skips the rules whose optional register is absent and says so", async () => {
    const dir = join(work, "no-optional");
    cpSync(FIXTURE, dir, { recursive: true });
    for (const f of ["custody.csv", "deaths.csv", "departures.csv"]) rmSync(join(dir, f));
    const out = join(work, "out-no-optional");
    expect(await inProcess("reconcile", "--data", dir, "--out", out)).toBe("");
    const s = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(s.skippedRules).toEqual(["B05", "B06", "B07"]);
    // S5 is no longer known dead: all 31 days over price by £1.
    expect(readFileSync(join(out, "exceptions.csv"), "utf8")).toContain("L06,INV-2015-03,S5,B09,31,31.00");
  });

  it("stops at an impossible date with file:line: column, writes nothing, exits non-zero", () => {
    const dir = withLine("bad-date", 3, "INV-2015-03,L02,C1,S2,O2,EM,2015-03-01,2015-02-30,31,10.00,310.00");
    const out = join(work, "out-bad-date");
    const r = nous("billing", "reconcile", "--data", dir, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'nous: invoice_lines.csv:3: period_end: expected a date YYYY-MM-DD, got "2015-02-30"',
    );
    expect(existsSync(out)).toBe(false);
  });

  it("names a missing value and text where a number belongs", async () => {
    const short = withLine("short", 4, "INV-2015-03,L03,C1,S3,O3,EM,2015-03-01,2015-03-31,31,10.00");
    expect(await inProcess("reconcile", "--data", short, "--out", join(work, "o1"))).toBe(
      "nous: invoice_lines.csv:4: amount: missing value (the row has 10 of 11 fields)",
    );
    const text = withLine("text", 2, "INV-2015-03,L01,C1,S1,O1,EM,2015-03-01,2015-03-31,31,10.00,ten pounds");
    expect(await inProcess("reconcile", "--data", text, "--out", join(work, "o2"))).toBe(
      'nous: invoice_lines.csv:2: amount: expected an amount in pounds with up to 2 decimals, got "ten pounds"',
    );
  });

  it("names a column missing from the header", async () => {
    const dir = withLine(
      "no-col",
      1,
      "invoice_id,line_id,contract_id,subject_id,order_id,service_code,period_start,units,unit_price,amount",
    );
    expect(await inProcess("reconcile", "--data", dir, "--out", join(work, "o3"))).toContain(
      "nous: invoice_lines.csv:1: period_end: missing column",
    );
    expect(existsSync(join(work, "o3"))).toBe(false);
  });

  it("with --rejects sets bad rows aside, counts them and goes on", async () => {
    const dir = withLine("rejects", 3, "INV-2015-03,L02,C1,S2,O2,EM,2015-03-01,2015-02-30,31,10.00,310.00");
    const out = join(work, "out-rejects");
    const rejects = join(work, "rejects.csv");
    expect(await inProcess("reconcile", "--data", dir, "--out", out, "--rejects", rejects)).toBe("");
    expect(readFileSync(rejects, "utf8")).toBe(
      CSV_BOM +
        'file,line,column,reason\ninvoice_lines.csv,3,period_end,"expected a date YYYY-MM-DD, got ""2015-02-30"""\n',
    );
    const s = JSON.parse(readFileSync(join(out, "summary.json"), "utf8"));
    expect(s.rejectedRows).toBe(1);
    expect(s.lines).toBe(6);
    expect(readFileSync(join(out, "exceptions.csv"), "utf8")).not.toContain("L02,");
  });
});

describe("nous billing generate", () => {
  it("writes every register and a truth.csv the engine reproduces", async () => {
    const dir = join(work, "gen");
    expect(await inProcess("generate", "--out", dir, "--lines", "500", "--seed", "3")).toBe("");
    const out = join(work, "gen-out");
    expect(await inProcess("reconcile", "--data", dir, "--out", out)).toBe("");
    const sorted = (p: string) => readFileSync(p, "utf8").trim().split("\n").slice(1).sort();
    expect(sorted(join(out, "exceptions.csv"))).toEqual(sorted(join(dir, "truth.csv")));
    expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).lines).toBe(500);
  });
});
