/**
 * CSV formula injection (issue 9, finding 5): a supplier writes the invoice, line and subject ids,
 * and finance opens the exports in Excel. An id such as `=HYPERLINK(...)` must reach the
 * spreadsheet as text (a leading `'`), in the API's exceptions.csv and in `nous billing reconcile
 * --out`, while days and money stay numbers a spreadsheet can sum, negative ones included. The
 * download starts with a BOM (Excel reads it as UTF-8) and is kept by no cache (it is about
 * individuals).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type DemoServer, startDemoServer } from "./helpers.ts";

/** The values a hostile supplier puts in its ids: each would run as a formula if written as is. */
const HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "\t=1", "\r=1"];
const FIXTURE = "test/fixtures/billing/small";
const BOM = [0xef, 0xbb, 0xbf];

/** RFC 4180 quoting, written here rather than taken from the code under test. */
const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * The hand-made registers with one invoice line per hostile value (it is the line's invoice, line
 * and subject id; the subject is in no register, so every day is B01), the fourth a credit
 * (negative amount), and a credit line for a known subject after its tag was removed (B03).
 */
function hostileFolder(dir: string): void {
  cpSync(FIXTURE, dir, { recursive: true });
  const rows = [
    "invoice_id,line_id,contract_id,subject_id,order_id,service_code,period_start,period_end,units,unit_price,amount",
  ];
  HOSTILE.forEach((h, i) => {
    const amount = i === 3 ? "-310.00" : "310.00";
    rows.push(
      [h, h, "C1", h, `O-X${i}`, "EM", "2015-03-01", "2015-03-31", "31", "10.00", amount]
        .map(field)
        .join(","),
    );
  });
  rows.push("INV-CR,L-CR,C1,S1,O1,EM,2015-03-16,2015-03-31,16,-10.00,-160.00");
  writeFileSync(join(dir, "invoice_lines.csv"), `${rows.join("\n")}\n`);
}

/** Reads a CSV file (RFC 4180, quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The bytes of a CSV file as records keyed by the header, after checking it starts with a BOM. */
function records(bytes: Buffer): Record<string, string>[] {
  expect([...bytes.subarray(0, 3)], "the file starts with the UTF-8 BOM").toEqual(BOM);
  const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/** A number as a spreadsheet reads one: no quote in front, an optional minus, pence or a count. */
const NUMBER = /^-?\d+(\.\d{2})?$/;

function expectNeutralised(rows: Record<string, string>[], columns: string[]): void {
  for (const h of HOSTILE) {
    const row = rows.find((r) => r.line_id === `'${h}`);
    expect(row, `a row for line ${JSON.stringify(h)}, its id starting with '`).toBeDefined();
    for (const c of columns) expect(row![c], `${c} of line ${JSON.stringify(h)}`).toBe(`'${h}`);
  }
  // No cell anywhere starts with a character that begins a formula.
  for (const r of rows)
    for (const [c, v] of Object.entries(r))
      expect(v, `${c} = ${JSON.stringify(v)}`).not.toMatch(/^[=+@\t\r]/);
}

describe("CSV exports neutralise formulas and keep numbers numeric", () => {
  const work = mkdtempSync(join(tmpdir(), "nous-csv-injection-"));
  const data = join(work, "data");
  let server: DemoServer;
  beforeAll(async () => {
    hostileFolder(data);
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("nous billing reconcile --out: hostile ids start with ', days and amounts (negative too) are numbers", () => {
    const out = join(work, "out");
    const r = spawnSync(
      process.execPath,
      ["bin/nous.js", "billing", "reconcile", "--data", data, "--out", out],
      {
        encoding: "utf8",
        env: { ...process.env, NOUS_QUIET: "1" },
      },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const rows = records(readFileSync(join(out, "exceptions.csv")));
    expect(rows).toHaveLength(HOSTILE.length + 1);
    expectNeutralised(rows, ["line_id", "invoice_id", "subject_id"]);
    for (const row of rows) {
      expect(row.days).toMatch(NUMBER);
      expect(row.amount_at_risk).toMatch(NUMBER);
    }
    expect(rows.find((x) => x.line_id === "'-2+3")).toMatchObject({
      rule: "B01",
      days: "31",
      amount_at_risk: "-310.00",
    });
    expect(rows.find((x) => x.line_id === "L-CR")).toMatchObject({
      invoice_id: "INV-CR",
      subject_id: "S1",
      rule: "B03",
      days: "16",
      amount_at_risk: "-160.00",
    });
  });

  it("GET /api/billing/exceptions.csv: the same over HTTP, a user's credit note too, no-store and a download", async () => {
    const files: Record<string, string> = {};
    for (const f of [
      "invoice_lines",
      "orders",
      "service_events",
      "subjects",
      "prices",
      "custody",
      "deaths",
      "departures",
    ])
      files[`${f}.csv`] = readFileSync(join(data, `${f}.csv`), "utf8");
    const up = await call(server, "contract-manager", "POST", "/api/billing/contracts/sscl-bss/runs", {
      reason: "invoices with hostile ids",
      files,
    });
    expect(up.status).toBe(201);
    const runId = (up.json as { id: string }).id;

    // Finance records a recovery under a credit note reference that is itself a formula.
    const page = (await call(server, "finance", "GET", `/api/billing/exceptions?runId=${runId}&pageSize=50`))
      .json as {
      items: { id: string; lineId: string; amountPence: number }[];
    };
    const first = page.items.find((x) => x.lineId === HOSTILE[0])!;
    expect(first, "the exception of the first hostile line, its id stored as sent").toBeDefined();
    const rec = await call(server, "finance", "POST", `/api/billing/exceptions/${first.id}/recover`, {
      reason: "credit note received",
      creditNote: "=1+1",
      amountPence: first.amountPence,
    });
    expect(rec.status).toBe(200);

    const res = await fetch(`${server.base}/api/billing/exceptions.csv?runId=${runId}`, {
      headers: { authorization: `Bearer ${server.tokens.finance}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="exceptions[^"]*\.csv"$/);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    // Bytes, not res.text(): a text decoder drops the BOM.
    const rows = records(Buffer.from(await res.arrayBuffer()));
    expect(rows).toHaveLength(HOSTILE.length + 1);
    expectNeutralised(rows, ["invoice_id", "line_id", "subject_id"]);
    for (const row of rows) {
      for (const c of ["days", "amount_at_risk", "recovered"]) expect(row[c], c).toMatch(NUMBER);
      expect(row.contract_id).toBe("sscl-bss");
    }
    expect(rows.find((x) => x.line_id === `'${HOSTILE[0]}`)).toMatchObject({
      state: "recovered",
      recovered: "310.00",
      credit_note: "'=1+1",
    });
    expect(rows.find((x) => x.line_id === "'-2+3")).toMatchObject({ days: "31", amount_at_risk: "-310.00" });
    expect(rows.find((x) => x.line_id === "L-CR")).toMatchObject({ rule: "B03", amount_at_risk: "-160.00" });
  });
});
