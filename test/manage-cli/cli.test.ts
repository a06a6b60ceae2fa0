/**
 * `nous manage ...` through the real binary on a SQLite file seeded by `nous demo`: the register
 * as CSV for finance, the deadlines as a table, JSON and the iCalendar feed, what needs attention,
 * the KPI results spreadsheet round trip and the refusals a cron job or operator relies on.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULTS_SHEET } from "../../src/app/manage-performance-import.ts";
import { writeWorkbook } from "../../src/io/sheet.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const nous = (...args: string[]) =>
  spawnSync("node", ["bin/nous.js", ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
  });

/** A day the demo's SSCL contract owes its November 2026 KPI results. */
const TODAY = "2026-12-03";

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nous-manage-cli-"));
  db = join(dir, "nous.db");
  const seeded = nous("demo", "--db", db);
  expect(seeded.status, seeded.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Deadline {
  contractId: string;
  kind: string;
  date: string;
  daysLeft: number;
  uid: string;
}

function deadlinesJson(...extra: string[]): { today: string; deadlines: Deadline[] } {
  const r = nous("manage", "deadlines", "--db", db, "--format", "json", "--today", TODAY, ...extra);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

interface Perf {
  kpis: { id: string; results: { periodEnd: string; value: string }[]; overdue: string[] }[];
}

function performance(contract: string): Perf {
  const r = nous("manage", "performance", contract, "--db", db, "--format", "json", "--today", TODAY);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("nous manage register", () => {
  it("writes the register as CSV with the demo contracts' rows", () => {
    const r = nous("manage", "register", "--db", db, "--today", TODAY);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split(/\r?\n/);
    expect(lines[0]?.startsWith("id,title,buyer,supplier,")).toBe(true);
    const sscl = lines.find((l) => l.startsWith("sscl-bss,"));
    // £234.5m, in pounds to the penny.
    expect(sscl).toContain(",234500000.00,");
    expect(lines.map((l) => l.split(",")[0])).toEqual(
      expect.arrayContaining(["sscl-bss", "em-tagging", "custody-healthcare-2027"]),
    );
  });

  it("writes JSON rows on --format json", () => {
    const r = nous("manage", "register", "--db", db, "--format", "json", "--today", TODAY);
    expect(r.status, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; valuePence: number | null }[];
    expect(rows.find((x) => x.id === "em-tagging")?.valuePence).toBe(4_800_000_000);
  });

  it("refuses a format it does not write, in one line", () => {
    const r = nous("manage", "register", "--db", db, "--format", "xml");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('nous: --format: expected csv, json, got "xml"\n');
  });
});

describe("nous manage deadlines", () => {
  it("writes the iCalendar feed: a VEVENT per deadline, CRLF line ends (RFC 5545 §3.1)", () => {
    const all = deadlinesJson().deadlines;
    expect(all.length).toBeGreaterThan(3);
    const r = nous("manage", "deadlines", "--db", db, "--format", "ics");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(r.stdout.endsWith("END:VCALENDAR\r\n")).toBe(true);
    // Every line ends CRLF: no LF without its CR.
    expect(r.stdout.replace(/\r\n/g, "")).not.toContain("\n");
    const uids = [...r.stdout.matchAll(/^UID:(.*)\r$/gm)].map((m) => m[1]);
    expect(r.stdout.match(/^BEGIN:VEVENT\r$/gm)?.length).toBe(all.length);
    expect(uids.sort()).toEqual(all.map((d) => d.uid).sort());
  });

  it("puts the dashboard's link in each event given --base-url", () => {
    const r = nous(
      "manage",
      "deadlines",
      "--db",
      db,
      "--format",
      "ics",
      "--base-url",
      "https://nous.example",
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("URL:https://nous.example/contracts/sscl-bss\r\n");
  });

  it("--within keeps the deadlines from today to that many days ahead", () => {
    const all = deadlinesJson().deadlines;
    const soon = deadlinesJson("--within", "400").deadlines;
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.length).toBeLessThan(all.length);
    expect(soon.every((d) => d.daysLeft >= 0 && d.daysLeft <= 400)).toBe(true);
    expect(soon).toEqual(all.filter((d) => d.daysLeft >= 0 && d.daysLeft <= 400));
    // SSCL's term ends 2027-09-30, 301 days after TODAY.
    expect(soon).toContainEqual(
      expect.objectContaining({
        contractId: "sscl-bss",
        kind: "end-of-term",
        date: "2027-09-30",
        daysLeft: 301,
      }),
    );
    const table = nous("manage", "deadlines", "--db", db, "--within", "400", "--today", TODAY);
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^DATE\s+DAYS\s+CONTRACT\s+KIND\s+WHAT$/);
    expect(table.stdout).toMatch(/^2027-09-30\s+301\s+sscl-bss\s+end-of-term\s/m);
  });

  it("refuses a bad --within and a --today that is not a real date", () => {
    const w = nous("manage", "deadlines", "--db", db, "--within", "soon");
    expect(w.status).toBe(1);
    expect(w.stderr).toBe('nous: --within: expected a whole number of days, got "soon"\n');
    const t = nous("manage", "deadlines", "--db", db, "--today", "2026-02-30");
    expect(t.status).toBe(1);
    expect(t.stderr).toBe('nous: --today: expected a real date YYYY-MM-DD, got "2026-02-30"\n');
    const a = nous("manage", "attention", "--db", db, "--today", "03/12/2026");
    expect(a.status).toBe(1);
    expect(a.stderr).toContain("--today");
  });
});

describe("nous manage kpi-template / kpi-import", () => {
  it("round-trips the KPI results spreadsheet: template, filled in, stored and judged", () => {
    const owed = performance("sscl-bss").kpis.filter((k) => k.overdue.includes("2026-11-30"));
    expect(owed.length).toBeGreaterThan(0);
    const before = nous("manage", "attention", "--db", db, "--format", "json", "--today", TODAY);
    expect(before.status, before.stderr).toBe(0);
    const overdueIds = (JSON.parse(before.stdout) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(overdueIds.filter((id) => id.startsWith("kpi-overdue:sscl-bss:")).length).toBe(owed.length);

    for (const ext of ["xlsx", "csv"]) {
      const file = join(dir, `template.${ext}`);
      const t = nous("manage", "kpi-template", "sscl-bss", "--db", db, "--today", TODAY, "--out", file);
      expect(t.status, t.stderr).toBe(0);
      expect(t.stdout).toBe(`wrote the KPI results template for sscl-bss to ${file}\n`);
    }
    // The XLSX is a real workbook (a ZIP); the CSV is what a person fills in.
    expect(readFileSync(join(dir, "template.xlsx")).subarray(0, 2).toString()).toBe("PK");
    const csv = readFileSync(join(dir, "template.csv"), "utf8").replace(/^\uFEFF/, "");
    const [header, ...rows] = csv.trimEnd().split(/\r?\n/);
    expect(header).toBe("KPI,Period end,Result,Source,Note");
    expect(rows.map((r) => r.split(",")[0]).sort()).toEqual(owed.map((k) => k.id).sort());
    const filled = join(dir, "november.csv");
    writeFileSync(
      filled,
      `${[header, ...rows.map((r) => r.replace(",2026-11-30,,", ",2026-11-30,99.5,"))].join("\n")}\n`,
    );

    const imported = nous(
      "manage",
      "kpi-import",
      "sscl-bss",
      filled,
      "--db",
      db,
      "--reason",
      "November return from the supplier",
      "--user",
      "alice",
    );
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toBe(`stored ${owed.length} KPI results for sscl-bss from ${filled}\n`);

    const after = performance("sscl-bss");
    for (const k of owed) {
      const kpi = after.kpis.find((x) => x.id === k.id);
      expect(kpi?.results).toContainEqual(
        expect.objectContaining({ periodEnd: "2026-11-30", value: "99.5" }),
      );
      expect(kpi?.overdue).not.toContain("2026-11-30");
    }
    const att = nous("manage", "attention", "--db", db, "--format", "json", "--today", TODAY);
    const ids = (JSON.parse(att.stdout) as { items: { id: string }[] }).items.map((i) => i.id);
    expect(ids.filter((id) => id.startsWith("kpi-overdue:sscl-bss:"))).toEqual([]);

    // Audited as the API's upload is: who, why, and the file's name.
    const backup = join(dir, "backup.jsonl");
    expect(nous("db", "backup", backup, "--db", db).status).toBe(0);
    const audit = readFileSync(backup, "utf8")
      .split("\n")
      .filter((l) => l.includes('"t":"audit_log"'))
      .map((l) => JSON.parse(l).r as { actor: string; entity: string; entity_id: string; reason: string });
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: "alice",
        entity: "kpi_result",
        entity_id: "sscl-bss:november.csv",
        reason: "November return from the supplier",
      }),
    );
  });

  it("refuses a bad cell naming sheet, row and column; exit 1 and nothing stored", () => {
    const before = performance("em-tagging");
    const bad = join(dir, "bad.csv");
    writeFileSync(
      bad,
      "KPI,Period end,Result,Source,Note\nem-kpi-alerts,2026-03-31,98.2,authority,\nem-kpi-billing,2026-03-31,lots,authority,\n",
    );
    const r = nous("manage", "kpi-import", "em-tagging", bad, "--db", db, "--reason", "March return");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `nous: ${bad}:3: KPI results!C3 (Result): expected a number such as 98.5, found "lots"; nothing was stored\n`,
    );
    // The good row before the bad one is not stored either.
    expect(performance("em-tagging")).toEqual(before);
  });

  it("stores results from an XLSX workbook, and names the sheet's cell of a bad one", async () => {
    const before = performance("em-tagging");
    const sheet = (value: string) =>
      writeWorkbook([
        {
          ...RESULTS_SHEET,
          rows: [{ kpiId: "em-kpi-fitting", periodEnd: "2026-03-31", value, source: "supplier", note: null }],
        },
      ]);
    const bad = join(dir, "march-bad.xlsx");
    writeFileSync(bad, await sheet("n/a"));
    const refused = nous("manage", "kpi-import", "em-tagging", bad, "--db", db, "--reason", "March return");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^nous: .*march-bad\.xlsx:2: KPI results!C2 \(Result\): .*nothing was stored\n$/,
    );
    expect(performance("em-tagging")).toEqual(before);
    const good = join(dir, "march.xlsx");
    writeFileSync(good, await sheet("97.1"));
    const stored = nous("manage", "kpi-import", "em-tagging", good, "--db", db, "--reason", "March return");
    expect(stored.status, stored.stderr).toBe(0);
    expect(stored.stdout).toBe(`stored 1 KPI result for em-tagging from ${good}\n`);
    const fitting = performance("em-tagging").kpis.find((k) => k.id === "em-kpi-fitting");
    expect(fitting?.results).toContainEqual(
      expect.objectContaining({ periodEnd: "2026-03-31", value: "97.1" }),
    );
  });

  it("refuses a result already stored, and nothing more is stored", () => {
    const file = join(dir, "november.csv");
    const r = nous("manage", "kpi-import", "sscl-bss", file, "--db", db, "--reason", "again");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^nous: ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}: KPI results row 2: `),
    );
    expect(r.stderr).toContain("already has a result");
  });

  it("names an unknown contract, exit 1", () => {
    for (const args of [
      ["kpi-template", "no-such-contract", "--out", join(dir, "x.xlsx")],
      ["kpi-import", "no-such-contract", join(dir, "bad.csv"), "--reason", "x"],
      ["performance", "no-such-contract"],
    ]) {
      const r = nous("manage", ...args, "--db", db);
      expect(r.status).toBe(1);
      expect(r.stderr).toBe("nous: contract no-such-contract not found\n");
    }
  });

  it("refuses a template file that is neither .xlsx nor .csv", () => {
    const r = nous("manage", "kpi-template", "sscl-bss", "--db", db, "--out", join(dir, "t.ods"));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--out: expected a file name ending .xlsx or .csv");
  });
});

describe("nous manage attention / scorecards", () => {
  it("lists what needs attention, dates and performance, most urgent first", () => {
    const r = nous("manage", "attention", "--db", db, "--today", TODAY);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^SEVERITY\s+DUE\s+DAYS\s+CONTRACT\s+KIND\s+WHAT$/);
    // SSCL's decision on what follows it is due 2026-12-30, 27 days ahead.
    expect(r.stdout).toMatch(/^medium\s+2026-12-30\s+27\s+sscl-bss\s+deadline\s/m);
    expect(r.stdout).toMatch(/\sem-tagging\s+kpi-failing\s/);
    const finance = nous(
      "manage",
      "attention",
      "--db",
      db,
      "--role",
      "finance",
      "--format",
      "json",
      "--today",
      TODAY,
    );
    const kinds = new Set(
      (JSON.parse(finance.stdout) as { items: { kind: string }[] }).items.map((i) => i.kind),
    );
    expect([...kinds].every((k) => ["billing-exception", "past-end", "deadline"].includes(k))).toBe(true);
    const role = nous("manage", "attention", "--db", db, "--role", "mayor");
    expect(role.status).toBe(1);
    expect(role.stderr).toContain(
      '--role: expected admin, commercial, contract-manager, finance, scrutineer, public, got "mayor"',
    );
  });

  it("writes a scorecard per supplier", () => {
    const r = nous("manage", "scorecards", "--db", db, "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    const cards = JSON.parse(r.stdout) as { supplier: string; series: { contractId: string }[] }[];
    expect(cards.find((c) => c.supplier === "Shared Services Connected Ltd")?.series[0]?.contractId).toBe(
      "sscl-bss",
    );
    const t = nous("manage", "scorecards", "--db", db);
    expect(t.stdout).toMatch(/^Shared Services Connected Ltd\s+sscl-bss\s+\d{4}-\d{2}\s+\d+%/m);
  });
});
