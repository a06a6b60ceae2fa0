import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = ["--import", "tsx", "test/decide/decide-cli.ts"];
const nous = (...args: string[]) =>
  spawnSync("node", [...CLI, ...args], { encoding: "utf8", env: { ...process.env, NOUS_QUIET: "1" } });

describe("nous appraise", () => {
  it("prints the options as JSON", () => {
    const out = execFileSync(
      "node",
      [...CLI, "appraise", "docs/decide/examples/simple-case.json", "--json", "--iterations", "1000"],
      {
        encoding: "utf8",
      },
    );
    const r = JSON.parse(out);
    const invest = r.options.find((o: { id: string }) => o.id === "invest");
    expect(invest).toMatchObject({
      pvCosts: "1000000.00",
      pvBenefits: "1247490.80",
      npv: "247490.80",
      bcr: 1.2475,
    });
    expect(r.monteCarlo.iterations).toBe(1000);
  });

  it("prints a table for people", () => {
    const r = nous("appraise", "docs/decide/examples/simple-case.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/invest \*\s+£1,000,000\s+£1,247,491\s+£247,491\s+1\.25/);
    expect(r.stdout).toContain("Monte Carlo: 20,000 iterations, seed 1");
  });

  it("names the file and JSON path of bad input, exit code 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "nous-decide-"));
    const file = join(dir, "case.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "x",
        discounting: "green-book",
        options: [
          {
            id: "a",
            cashflows: [
              { year: 0, category: "capex", amount: -1 },
              { year: 1, category: "benefit", amount: "1" },
            ],
          },
        ],
      }),
    );
    const r = nous("appraise", file);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`nous: ${file}: $.options[0].cashflows[1].amount: expected a number`);
  });

  it("rejects a bad --iterations", () => {
    const r = nous("appraise", "docs/decide/examples/simple-case.json", "--iterations", "0");
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("--iterations must be a whole number >= 1");
  });
});

describe("nous horizon", () => {
  it("shows what the Met/SSCL deal commits each mayoralty", () => {
    const r = nous("horizon", "docs/decide/examples/met-sscl-contract.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("binds 3 later administrations");
    expect(r.stdout).toMatch(/2016-2021\s+bound\s+£117,288,092\s+41\.7%/);
  });

  it("prints JSON with money as decimal strings", () => {
    const r = JSON.parse(nous("horizon", "docs/decide/examples/met-sscl-contract.json", "--json").stdout);
    expect(r.total).toBe("281400000.00");
    expect(r.administrationsBound).toBe(3);
    expect(r.breakPoints[0]).toMatchObject({
      date: "2018-10-01",
      terminationCost: "15000000.00",
      administrationsBoundIfLeft: 1,
    });
  });
});

describe("nous decide <record>", () => {
  it("fails a delivery model assessment whose joint venture has no return-in-house plan", () => {
    const r = nous("decide", "dma", "docs/decide/examples/met-dma.json");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'option "jv" (joint-venture) has no assessment of how the service would return in-house',
    );
  });

  it("flags out-of-order steps and budget-driven decisions in a gate history", () => {
    const r = nous("decide", "gates", "docs/decide/examples/met-gates.json", "--json");
    // The same events as the dashboard's demo (src/demo/decide.ts reads this file): warnings, no errors.
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.outOfOrder).toBe(2);
    expect(out.budgetDriven).toBe(3);
    expect(out.current).toBe("contract-management");
    expect(out.findings.map((f: { code: string }) => f.code)).toContain("G-AGAINST-ASSESSMENT");
  });

  it("summarises workforce, pipeline and capability records", () => {
    expect(nous("decide", "workforce", "docs/decide/examples/met-workforce.json").stdout).toContain(
      "Relocated: 45 (Newport 25, Newcastle 20)",
    );
    const p = nous("decide", "pipeline", "docs/decide/examples/met-pipeline.json");
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('core service "custody-detention" is in market-testing wave "wave-2"');
    expect(nous("decide", "capability", "docs/decide/examples/met-capability.json").stdout).toContain(
      "mean 1.67 of 4; weakest: people, performance",
    );
  });
});
