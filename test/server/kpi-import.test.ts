/**
 * KPI results imported from a file (POST /api/contracts/{id}/kpi-results/import): a CSV and an
 * XLSX each with one bad cell are refused naming that cell's sheet, row and column, and store
 * nothing; a good file stores every result, judged; the templates download as XLSX and CSV.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString("base64");

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPI results");
  ws.addRow(["KPI", "Period end", "Result", "Source", "Note"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (fileName: string, bytes: Uint8Array | string) =>
  call(server, "contract-manager", "POST", "/api/contracts/sscl-bss/kpi-results/import", {
    reason: "November figures from the supplier",
    fileName,
    contentBase64: b64(bytes),
  });

async function resultCount(): Promise<number> {
  const r = await server.store.db
    .selectFrom("kpi_results")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("contract_id", "=", "sscl-bss")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

interface Problem {
  detail: string;
  code?: string;
}

describe("KPI results import", () => {
  it("refuses a CSV with one bad cell, naming its row and column, and stores nothing", async () => {
    const before = await resultCount();
    const csv = [
      "KPI,Period end,Result,Source,Note",
      "sscl-bss-kpi-invoices,2026-11-30,98.2,supplier,",
      "sscl-bss-kpi-payroll,2026-11-30,n/a,supplier,",
    ].join("\n");
    const res = await upload("november.csv", csv);
    expect(res.status).toBe(400);
    expect((res.json as Problem).detail).toContain(
      'KPI results!C3 (Result): expected a number such as 98.5, found "n/a"',
    );
    expect((res.json as Problem).detail).toContain("nothing was stored");
    expect(await resultCount()).toBe(before);
  });

  it("refuses an XLSX with one bad cell, naming its row and column, and stores nothing", async () => {
    const before = await resultCount();
    const file = await xlsx([
      ["sscl-bss-kpi-invoices", "2026-11-30", 98.2, "supplier", ""],
      ["sscl-bss-kpi-payroll", "2026-11-30", 99.6, "supplier", ""],
      ["sscl-bss-kpi-cases", "31/12/2026", 94, "authority", ""],
      ["sscl-bss-kpi-invoices", "not a date", 98, "supplier", ""],
    ]);
    const res = await upload("november.xlsx", file);
    expect(res.status).toBe(400);
    expect((res.json as Problem).detail).toMatch(/KPI results!B5 \(Period end\): expected a date/);
    expect(await resultCount()).toBe(before);
  });

  it("refuses a row whose meaning is wrong (a KPI the contract lacks), naming row and column", async () => {
    const res = await upload(
      "november.csv",
      "KPI,Period end,Result\nsscl-bss-kpi-invoices,2026-11-30,98\nkpi-x,2026-11-30,1\n",
    );
    expect(res.status).toBe(400);
    expect((res.json as Problem).detail).toContain(
      'KPI results row 3, column KPI: the contract has no KPI "kpi-x"',
    );
  });

  it("stores a good file, every row in one go, judged against target", async () => {
    const before = await resultCount();
    const file = await xlsx([
      ["sscl-bss-kpi-invoices", "2026-11-30", 98.2, "supplier", "from the supplier's report"],
      ["sscl-bss-kpi-payroll", "2026-11-30", 98.9, "supplier", ""],
    ]);
    const res = await upload("november.xlsx", file);
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ stored: 2 });
    expect(await resultCount()).toBe(before + 2);
    const perf = (await call(server, "scrutineer", "GET", "/api/contracts/sscl-bss/performance")).json as {
      kpis: {
        id: string;
        overdue: string[];
        results: { periodEnd: string; outcome: string; unverified: boolean }[];
      }[];
    };
    const payroll = perf.kpis.find((k) => k.id === "sscl-bss-kpi-payroll");
    expect(payroll?.results.at(-1)).toMatchObject({
      periodEnd: "2026-11-30",
      outcome: "fail",
      unverified: true,
    });
    expect(payroll?.overdue).not.toContain("2026-11-30");
    // The same period again: 409, and still nothing more stored.
    const again = await upload("again.csv", "KPI,Period end,Result\nsscl-bss-kpi-invoices,2026-11-30,99\n");
    expect(again.status).toBe(409);
    expect(await resultCount()).toBe(before + 2);
  });

  it("offers the template as XLSX and CSV", async () => {
    const x = await fetch(`${server.base}/api/contracts/em-tagging/kpi-results/template.xlsx`, {
      headers: { authorization: `Bearer ${server.tokens["contract-manager"]}` },
    });
    expect(x.status).toBe(200);
    expect(x.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await x.arrayBuffer()) as ExcelJS.Buffer);
    const ws = wb.getWorksheet("KPI results");
    expect(ws?.getRow(1).getCell(3).value).toBe("Result");
    // The contract's last month was never reported: the template asks for it.
    const kpis: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 1) kpis.push(String(row.getCell(1).value));
    });
    expect(kpis).toContain("em-kpi-fitting");
    const c = await fetch(`${server.base}/api/contracts/em-tagging/kpi-results/template.csv`, {
      headers: { authorization: `Bearer ${server.tokens["contract-manager"]}` },
    });
    const text = await c.text();
    expect(text.replace(/^\uFEFF/, "").split(/\r?\n/)[0]).toBe("KPI,Period end,Result,Source,Note");
    expect(text).toContain("em-kpi-fitting,2026-03-31");
  });
});
