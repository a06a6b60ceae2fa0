/**
 * Billing assurance over real HTTP on a real SQLite demo database: uploads reconcile exactly as
 * the engine does on the same files, bad rows are refused with their place and store nothing,
 * the workflow is audited, and only staff see billing data (it is about individuals).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/billing/generate.ts";
import { listExceptions as engineExceptions } from "../../src/billing/index.ts";
import { reconcileDataset } from "../../src/billing/reconcile.ts";
import { BILLING_TITLES, RULE_IDS, type RuleId } from "../../src/billing/types.ts";
import { csvSink } from "../../src/io/billing-generate-writer.ts";
import { loadBillingFolder } from "../../src/io/billing-load.ts";
import { call, type DemoServer, startDemoServer } from "../server/helpers.ts";

interface Run {
  id: string;
  lines: number;
  subjectDays: number;
  billedPence: number;
  atRiskPence: number;
  exceptions: number;
  byRule: Record<string, { lines: number; days: number; amountPence: number }>;
  skippedRules: string[];
}
interface Item {
  id: string;
  lineId: string;
  invoiceId: string;
  rule: string;
  days: number;
  amountPence: number;
  state: string;
  supplier: string;
  month: string;
  subjectId: string;
}
interface Page {
  total: number;
  totalAmountPence: number;
  items: Item[];
  groups: { key: string; count: number; amountPence: number }[];
}

function readFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir))
    if (f.endsWith(".csv") && f !== "truth.csv" && !f.startsWith("expected"))
      files[f] = readFileSync(join(dir, f), "utf8");
  return files;
}

describe("billing API", () => {
  let server: DemoServer;
  let dir: string;
  let files: Record<string, string>;
  beforeAll(async () => {
    server = await startDemoServer();
    dir = mkdtempSync(join(tmpdir(), "nous-billing-api-"));
    const sink = csvSink(dir);
    generate({ lines: 1500, seed: 11 }, sink);
    sink.close();
    files = readFolder(dir);
  });
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reconciles an upload exactly as the engine does on the same files", async () => {
    const res = await call(server, "contract-manager", "POST", "/api/billing/contracts/sscl-bss/runs", {
      reason: "March invoices received",
      files,
    });
    expect(res.status).toBe(201);
    const run = res.json as Run;
    const { dataset } = loadBillingFolder(dir);
    const engine = reconcileDataset(dataset);
    expect(run.lines).toBe(engine.summary.lines);
    expect(run.subjectDays).toBe(engine.summary.subjectDays);
    expect(run.billedPence).toBe(engine.summary.billed);
    expect(run.atRiskPence).toBe(engine.summary.atRisk);
    expect(run.exceptions).toBe(engine.exceptions.count);
    for (const id of RULE_IDS) {
      const e = engine.summary.byRule[id];
      expect(run.byRule[id]).toEqual({ lines: e.lines, days: e.days, amountPence: e.amount });
    }
    expect(run.skippedRules).toEqual(engine.summary.skippedRules);

    // Every exception is in the queue with the engine's days and amount.
    const q = await call(server, "scrutineer", "GET", `/api/billing/exceptions?runId=${run.id}&pageSize=500`);
    const page = q.json as Page;
    expect(page.total).toBe(engine.exceptions.count);
    expect(page.totalAmountPence).toBe(engine.summary.atRisk);
    const all: Item[] = [...page.items];
    for (let p = 2; all.length < page.total; p++) {
      const more = await call(
        server,
        "scrutineer",
        "GET",
        `/api/billing/exceptions?runId=${run.id}&pageSize=500&page=${p}`,
      );
      all.push(...(more.json as Page).items);
    }
    const key = (x: { lineId: string; rule: string; days: number; amount: number }) =>
      `${x.lineId} ${x.rule} ${x.days} ${x.amount}`;
    expect(all.map((x) => key({ ...x, amount: x.amountPence })).sort()).toEqual(
      engineExceptions(dataset, engine.exceptions)
        .map((x) => key({ ...x, amount: x.amountAtRisk }))
        .sort(),
    );
    expect(new Set(all.map((x) => x.supplier))).toEqual(new Set(["Shared Services Connected Ltd"]));
  });

  it("refuses a bad row with 400 naming file:line: column, and stores nothing", async () => {
    const before = await call(server, "admin", "GET", "/api/audit?limit=1");
    const runsBefore = await call(server, "admin", "GET", "/api/billing/contracts/em-tagging/runs");
    const lines = files["invoice_lines.csv"]!.split("\n");
    const cells = lines[16]!.split(",");
    cells[7] = "2013-02-30";
    lines[16] = cells.join(",");
    const res = await call(server, "commercial", "POST", "/api/billing/contracts/em-tagging/runs", {
      reason: "bad file",
      files: { ...files, "invoice_lines.csv": lines.join("\n") },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: "bad_input",
      message: 'invoice_lines.csv:17: period_end: expected a date YYYY-MM-DD, got "2013-02-30"',
      details: { file: "invoice_lines.csv", line: 17, path: "period_end" },
    });
    expect((await call(server, "admin", "GET", "/api/audit?limit=1")).json).toEqual(before.json);
    expect((await call(server, "admin", "GET", "/api/billing/contracts/em-tagging/runs")).json).toEqual(
      runsBefore.json,
    );
  });

  it("refuses a missing required file and an unknown one", async () => {
    const { "orders.csv": _, ...noOrders } = files;
    const a = await call(server, "admin", "POST", "/api/billing/contracts/em-tagging/runs", {
      reason: "x",
      files: noOrders,
    });
    expect(a.status).toBe(400);
    expect((a.json as { message: string }).message).toMatch(/orders\.csv/);
    const b = await call(server, "admin", "POST", "/api/billing/contracts/em-tagging/runs", {
      reason: "x",
      files: { ...files, "invoices.csv": "a\n" },
    });
    expect(b.status).toBe(400);
    const c = await call(server, "admin", "POST", "/api/billing/contracts/no-such/runs", {
      reason: "x",
      files,
    });
    expect(c.status).toBe(404);
  });

  it("lists the rules from the engine's registry, each with its name and the register it needs", async () => {
    const res = await call(server, "scrutineer", "GET", "/api/billing/rules");
    expect(res.status).toBe(200);
    const rules = res.json as { id: string; name: string; detects: string; register: string | null }[];
    expect(rules.map((r) => r.id)).toEqual([...RULE_IDS]);
    for (const r of rules) expect(r.name).toBe(BILLING_TITLES[r.id as RuleId]);
    expect(rules.find((r) => r.id === "B05")).toMatchObject({ register: "custody.csv" });
    expect(rules.find((r) => r.id === "B02")).toMatchObject({ register: null });
    // The queue names each exception's rule with the same title.
    const q = await call(
      server,
      "scrutineer",
      "GET",
      "/api/billing/exceptions?contractId=em-tagging&rule=B05&pageSize=1",
    );
    expect((q.json as { items: { ruleTitle: string }[] }).items[0]!.ruleTitle).toBe(BILLING_TITLES.B05);
  });

  it("filters and groups the demo contract's queue: groups add up to the total", async () => {
    const all = (await call(server, "scrutineer", "GET", "/api/billing/exceptions?contractId=em-tagging"))
      .json as Page;
    expect(all.total).toBeGreaterThan(50);
    for (const by of ["rule", "month", "subject", "supplier", "state"]) {
      const g = (
        await call(server, "scrutineer", "GET", `/api/billing/exceptions?contractId=em-tagging&groupBy=${by}`)
      ).json as Page;
      expect(
        g.groups.reduce((a, x) => a + x.count, 0),
        by,
      ).toBe(all.total);
      expect(
        g.groups.reduce((a, x) => a + x.amountPence, 0),
        by,
      ).toBe(all.totalAmountPence);
    }
    const b08 = (
      await call(server, "finance", "GET", "/api/billing/exceptions?contractId=em-tagging&rule=B08")
    ).json as Page;
    expect(b08.total).toBeGreaterThan(0);
    expect(
      b08.items.every((x) => x.rule === "B08" && x.supplier === "Tagwatch Monitoring Ltd (fictional)"),
    ).toBe(true);
    const s = b08.items[0]!.subjectId;
    const bySubject = (await call(server, "finance", "GET", `/api/billing/exceptions?subject=${s}`))
      .json as Page;
    expect(bySubject.items.every((x) => x.subjectId === s)).toBe(true);
    const bad = await call(server, "finance", "GET", "/api/billing/exceptions?rule=B99");
    expect(bad.status).toBe(400);
    // Demo workflow already under way.
    const states = (
      await call(server, "scrutineer", "GET", "/api/billing/exceptions?contractId=em-tagging&groupBy=state")
    ).json as Page;
    expect(states.groups.map((g) => g.key).sort()).toEqual(["accepted", "disputed", "open", "recovered"]);
  });

  it("exports the queue the filters select as CSV: one row per exception, money to the penny", async () => {
    const page = (await call(server, "scrutineer", "GET", "/api/billing/exceptions?contractId=em-tagging"))
      .json as Page;
    const res = await fetch(`${server.base}/api/billing/exceptions.csv?contractId=em-tagging`, {
      headers: { authorization: `Bearer ${server.tokens.finance}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="exceptions-em-tagging.csv"');
    const [header, ...rows] = (await res.text()).trimEnd().split("\n");
    expect(header).toBe(
      "contract_id,supplier,invoice_id,line_id,subject_id,service_code,period_start,period_end,rule,days,amount_at_risk,state,recovered,credit_note,exception_id",
    );
    expect(rows).toHaveLength(page.total);
    // The supplier's name holds no comma or quote, so a plain split reads the columns.
    const pence = rows.reduce((a, r) => a + Math.round(Number(r.split(",")[10]) * 100), 0);
    expect(pence).toBe(page.totalAmountPence);
    expect(rows.every((r) => /,\d+\.\d{2},(open|disputed|accepted|recovered),\d+\.\d{2},/.test(r))).toBe(
      true,
    );
    const b08 = await (
      await fetch(`${server.base}/api/billing/exceptions.csv?contractId=em-tagging&rule=B08`, {
        headers: { authorization: `Bearer ${server.tokens.scrutineer}` },
      })
    ).text();
    const b08Rows = b08.trimEnd().split("\n").slice(1);
    expect(b08Rows.length).toBeGreaterThan(0);
    expect(b08Rows.every((r) => r.split(",")[8] === "B08")).toBe(true);
    expect((await call(server, "public", "GET", "/api/billing/exceptions.csv")).status).toBe(401);
    const bad = await call(server, "finance", "GET", "/api/billing/exceptions.csv?month=May");
    expect(bad.status).toBe(400);
  });

  it("shows an exception's evidence and runs the workflow, each step audited and in its history", async () => {
    const open = (
      await call(
        server,
        "contract-manager",
        "GET",
        "/api/billing/exceptions?contractId=em-tagging&rule=B05&state=open",
      )
    ).json as Page;
    const ex = open.items[0]!;
    const detail = await call(server, "scrutineer", "GET", `/api/billing/exceptions/${ex.id}`);
    expect(detail.status).toBe(200);
    const d = detail.json as { evidence: { rule: string; custody: unknown[]; line: { lineId: string } } };
    expect(d.evidence.rule).toBe("B05");
    expect(d.evidence.line.lineId).toBe(ex.lineId);
    expect(d.evidence.custody.length).toBeGreaterThan(0);

    const dispute = await call(
      server,
      "contract-manager",
      "POST",
      `/api/billing/exceptions/${ex.id}/dispute`,
      {
        reason: "in custody on the billed days",
      },
    );
    expect(dispute.status).toBe(200);
    expect(dispute.json).toMatchObject({ state: "disputed" });
    const again = await call(server, "contract-manager", "POST", `/api/billing/exceptions/${ex.id}/dispute`, {
      reason: "twice",
    });
    expect(again.status).toBe(409);
    expect((again.json as { message: string }).message).toMatch(
      /cannot dispute an exception that is disputed/,
    );

    const tooMuch = await call(server, "finance", "POST", `/api/billing/exceptions/${ex.id}/recover`, {
      reason: "credit",
      creditNote: "CN-1",
      amountPence: ex.amountPence + 1,
    });
    expect(tooMuch.status).toBe(400);
    expect((tooMuch.json as { message: string }).message).toMatch(/^amountPence: /);
    const rec = await call(server, "finance", "POST", `/api/billing/exceptions/${ex.id}/recover`, {
      reason: "credit note received",
      creditNote: "CN-TEST-1",
      amountPence: ex.amountPence,
    });
    expect(rec.status).toBe(200);
    const r = rec.json as {
      state: string;
      recoveredPence: number;
      creditNote: string;
      history: { actor: string; from: string; to: string; reason: string }[];
    };
    expect(r).toMatchObject({ state: "recovered", recoveredPence: ex.amountPence, creditNote: "CN-TEST-1" });
    expect(r.history.map((h) => [h.actor, h.from, h.to, h.reason])).toEqual([
      ["contracts", "open", "disputed", "in custody on the billed days"],
      ["finance", "disputed", "recovered", "credit note received"],
    ]);
    const accept = await call(server, "admin", "POST", `/api/billing/exceptions/${ex.id}/accept`, {
      reason: "no",
    });
    expect(accept.status).toBe(409);

    const audit = (
      await call(
        server,
        "admin",
        "GET",
        `/api/audit?entity=billing-exception&entityId=${encodeURIComponent(ex.id)}`,
      )
    ).json as { actor: string; action: string; reason: string }[];
    expect(audit.map((a) => [a.actor, a.action, a.reason])).toEqual([
      ["finance", "recover", "credit note received"],
      ["contracts", "dispute", "in custody on the billed days"],
    ]);
  });

  it("keeps the evidence each rule rests on: the earlier billing for B08, the price for B09, the death for B06", async () => {
    const first = async (rule: string) => {
      const page = (
        await call(server, "admin", "GET", `/api/billing/exceptions?contractId=em-tagging&rule=${rule}`)
      ).json as Page;
      return (await call(server, "admin", "GET", `/api/billing/exceptions/${page.items[0]!.id}`)).json as {
        evidence: {
          line: { periodStart: string; periodEnd: string; amount: string };
          earlierBillings: { from: string; to: string }[];
          prices: { unitPrice: string }[];
          dateOfDeath: string | null;
          days: { from: string; to: string }[];
        };
      };
    };
    const b08 = await first("B08");
    expect(b08.evidence.earlierBillings.length).toBeGreaterThan(0);
    const b09 = await first("B09");
    expect(b09.evidence.prices.length).toBeGreaterThan(0);
    expect(b09.evidence.prices[0]!.unitPrice).toMatch(/^\d+\.\d\d$/);
    const b06 = await first("B06");
    expect(b06.evidence.dateOfDeath).not.toBeNull();
    expect(b06.evidence.days[0]!.from > b06.evidence.dateOfDeath!).toBe(true);
  });

  it("totals a contract's recovered, disputed, accepted and open money against the money at risk", async () => {
    const t = (await call(server, "scrutineer", "GET", "/api/billing/contracts/em-tagging/totals")).json as {
      atRiskPence: number;
      openPence: number;
      disputedPence: number;
      acceptedPence: number;
      recoveredAtRiskPence: number;
      recoveredPence: number;
      byRule: { rule: string; atRiskPence: number; recoveredPence: number }[];
      run: { atRiskPence: number };
    };
    expect(t.atRiskPence).toBe(t.run.atRiskPence);
    expect(t.openPence + t.disputedPence + t.acceptedPence + t.recoveredAtRiskPence).toBe(t.atRiskPence);
    expect(t.recoveredPence).toBeGreaterThan(0);
    expect(t.byRule.reduce((a, r) => a + r.atRiskPence, 0)).toBe(t.atRiskPence);
    expect(t.byRule.reduce((a, r) => a + r.recoveredPence, 0)).toBe(t.recoveredPence);
    expect((await call(server, "admin", "GET", "/api/billing/contracts/nope/totals")).status).toBe(404);
  });

  it("carries workflow state over to a new run of the same data", async () => {
    const first = (await call(server, "admin", "GET", "/api/billing/exceptions?contractId=sscl-bss&rule=B06"))
      .json as Page;
    const ex = first.items[0]!;
    await call(server, "contract-manager", "POST", `/api/billing/exceptions/${ex.id}/dispute`, {
      reason: "died",
    });
    const res = await call(server, "contract-manager", "POST", "/api/billing/contracts/sscl-bss/runs", {
      reason: "resubmitted",
      files,
    });
    expect(res.status).toBe(201);
    const again = (
      await call(
        server,
        "admin",
        "GET",
        `/api/billing/exceptions?contractId=sscl-bss&rule=B06&state=disputed`,
      )
    ).json as Page;
    const same = again.items.find((x) => x.lineId === ex.lineId && x.invoiceId === ex.invoiceId)!;
    expect(same.id).not.toBe(ex.id);
    expect(same.state).toBe("disputed");
    const old = await call(server, "finance", "POST", `/api/billing/exceptions/${ex.id}/accept`, {
      reason: "x",
    });
    expect(old.status).toBe(409);
  });

  it("lets only the right roles act: scrutineer 403 on every write, finance accepts and recovers but never disputes, the contract side never accepts, public 401 everywhere", async () => {
    const ex = (
      (await call(server, "admin", "GET", "/api/billing/exceptions?contractId=em-tagging&state=open"))
        .json as Page
    ).items[0]!;
    const writes: [string, unknown][] = [
      ["/api/billing/contracts/em-tagging/runs", { reason: "x", files }],
      [`/api/billing/exceptions/${ex.id}/dispute`, { reason: "x" }],
      [`/api/billing/exceptions/${ex.id}/accept`, { reason: "x" }],
      [`/api/billing/exceptions/${ex.id}/reopen`, { reason: "x" }],
      [`/api/billing/exceptions/${ex.id}/recover`, { reason: "x", creditNote: "c", amountPence: 1 }],
    ];
    for (const [path, body] of writes) {
      expect((await call(server, "scrutineer", "POST", path, body)).status, path).toBe(403);
      expect((await call(server, "public", "POST", path, body)).status, path).toBe(401);
    }
    // Separation of duties: finance approves payment but does not dispute; the contract side
    // disputes but does not approve paying a flagged charge.
    expect((await call(server, "finance", "POST", writes[1]![0], { reason: "x" })).status).toBe(403);
    expect((await call(server, "finance", "POST", writes[3]![0], { reason: "x" })).status).toBe(403);
    const cmAccept = await call(server, "contract-manager", "POST", writes[2]![0], { reason: "x" });
    expect(cmAccept.status).toBe(403);
    expect(cmAccept.json).toMatchObject({ error: "forbidden" });
    for (const path of [
      "/api/billing/exceptions",
      `/api/billing/exceptions/${ex.id}`,
      "/api/billing/contracts/em-tagging/totals",
      "/api/billing/contracts/em-tagging/runs",
      "/api/billing/rules",
    ])
      expect((await call(server, "public", "GET", path)).status, path).toBe(401);
    expect(ex.state).toBe("open");
  });
});
