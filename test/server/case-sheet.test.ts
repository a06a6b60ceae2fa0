/**
 * The appraisal case as a spreadsheet, over the real HTTP server: a template downloaded from a
 * stored case reads back to the same case (XLSX, and the cash flows alone as CSV); an upload with
 * one bad cell is refused naming that cell's sheet, row and column, and nothing is stored.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCase } from "../../src/decide/case/parse-case.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

const flows = (amounts: number[], category: string, label?: string) =>
  amounts.map((amount, year) => ({ year, category, amount, ...(label ? { label } : {}) }));

const stored = {
  name: "Facilities management",
  description: "Keep, outsource or share",
  discounting: { rate: 0.035 },
  baseline: "in-house",
  options: [
    { id: "in-house", name: "Keep in house", cashflows: flows(Array(11).fill(-2_000_000), "opex") },
    {
      id: "outsource",
      name: "Outsource",
      optimismBias: { category: "standard-buildings", mitigation: 0.4 },
      cashflows: [
        ...flows([-500_000.5], "capex", "fit-out"),
        ...flows(Array(11).fill(-1_750_000.25), "opex").map((f) => ({ ...f, input: "price" })),
      ],
    },
    { id: "shared", cashflows: flows(Array(11).fill(-1_900_000), "opex") },
  ],
  inputs: [{ id: "price", label: "Contract price", distribution: { type: "pert", min: 0.95, mode: 1, max: 1.3 } }],
  savingsTarget: { amount: 2_500_000, basis: "pv" },
  monteCarlo: { iterations: 5000, seed: 3 },
};

async function fetchBytes(server: DemoServer, path: string): Promise<{ status: number; bytes: Buffer; type: string }> {
  const res = await fetch(server.base + path, { headers: { authorization: `Bearer ${server.tokens.commercial}` } });
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()), type: res.headers.get("content-type") ?? "" };
}

const upload = (server: DemoServer, fileName: string, bytes: Buffer, base?: unknown) =>
  call(server, "commercial", "POST", "/api/decide/appraisal-sheet", {
    fileName,
    contentBase64: bytes.toString("base64"),
    ...(base ? { base } : {}),
  });

describe("the appraisal case spreadsheet", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
    const put = await call(server, "commercial", "PUT", "/api/decide/appraisals/fm-sheet", {
      title: "FM case",
      serviceId: "catering",
      document: stored,
      reason: "for the sheet test",
    });
    expect(put.status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("round-trips a stored case through its XLSX template to the same case", async () => {
    const t = await fetchBytes(server, "/api/decide/appraisals/fm-sheet/template");
    expect(t.status).toBe(200);
    expect(t.type).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Case", "Options", "Cash flows", "Inputs", "Correlations"]);
    const r = await upload(server, "fm.xlsx", t.bytes);
    expect(r.status).toBe(200);
    expect((r.json as { document: unknown }).document).toEqual(parseCase(stored));
  });

  it("round-trips the cash flows alone as CSV onto the case they came from", async () => {
    const t = await fetchBytes(server, "/api/decide/appraisals/fm-sheet/template?format=csv");
    expect(t.status).toBe(200);
    expect(t.bytes.toString("utf8")).toContain("Option id,Category,Label,Input,Year 0");
    const r = await upload(server, "fm.csv", t.bytes, stored);
    expect(r.status).toBe(200);
    expect((r.json as { document: unknown }).document).toEqual(parseCase(stored));
  });

  it("names the one bad cell by sheet, row and column, and stores nothing", async () => {
    const t = await fetchBytes(server, "/api/decide/appraisals/fm-sheet/template");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.bytes as unknown as ExcelJS.Buffer);
    // Row 4 is the outsource option's opex; column G is Year 2.
    const ws = wb.getWorksheet("Cash flows")!;
    expect(ws.getCell("A4").value).toBe("outsource");
    expect(ws.getCell("G1").value).toBe("Year 2");
    ws.getCell("G4").value = "about 1.7m";
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await server.store.db.selectFrom("audit_log").select("seq").execute();
    const versionsBefore = await server.store.db.selectFrom("decide_versions").selectAll().execute();
    const r = await upload(server, "fm.xlsx", bytes);
    expect(r.status).toBe(400);
    const p = r.json as { error: string; detail: string; details: Array<{ sheet: string; row: number; column: string }> };
    expect(p.error).toBe("bad_cells");
    expect(p.details).toHaveLength(1);
    expect(p.details[0]).toMatchObject({ sheet: "Cash flows", row: 4, column: "G", header: "Year 2" });
    expect(p.detail).toContain("Cash flows!G4 (Year 2): expected an amount in pounds");
    expect(await server.store.db.selectFrom("audit_log").select("seq").execute()).toEqual(before);
    expect(await server.store.db.selectFrom("decide_versions").selectAll().execute()).toEqual(versionsBefore);
  });

  it("names a cell that reads but names no option, and a blank template downloads", async () => {
    const t = await fetchBytes(server, "/api/decide/appraisals/fm-sheet/template");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.bytes as unknown as ExcelJS.Buffer);
    wb.getWorksheet("Cash flows")!.getCell("A3").value = "outsourced";
    const r = await upload(server, "fm.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(400);
    expect((r.json as { detail: string }).detail).toContain("Cash flows!A3 (Option id): expected an option id from the Options sheet");
    const blank = await fetchBytes(server, "/api/decide/appraisal-template");
    expect(blank.status).toBe(200);
    expect(blank.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
