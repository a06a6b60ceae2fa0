import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { InputError } from "../shared/errors.ts";
import { parseCsv, readWorkbook, type SheetSpec, writeSheetCsv, writeWorkbook } from "./sheet.ts";
import { numberText, readCell } from "./sheet-cells.ts";

const RESULTS: SheetSpec = {
  name: "KPI results",
  columns: [
    { key: "kpi", header: "KPI", kind: "text", required: true },
    { key: "periodEnd", header: "Period end", kind: "date", required: true },
    { key: "result", header: "Result", kind: "decimal", required: true },
    { key: "credit", header: "Credit (£)", kind: "pence" },
    { key: "share", header: "Share", kind: "percent" },
  ],
};

async function caught(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("readWorkbook", () => {
  const rows = [
    { kpi: '=HYPERLINK("x")', periodEnd: "2026-03-31", result: "98.5", credit: 125_000_050, share: "12.5" },
    { kpi: "KPI 2", periodEnd: "2026-06-30", result: "100", credit: null, share: null },
  ];

  it("round-trips a written workbook to the same typed rows", async () => {
    const bytes = await writeWorkbook([{ ...RESULTS, rows }]);
    const back = await readWorkbook(bytes, "results.xlsx", [RESULTS]);
    expect(back["KPI results"]?.map(({ $row, ...r }) => r)).toEqual(rows);
    expect(back["KPI results"]?.[1]?.$row).toBe(3);
  });

  it("round-trips the CSV form too, the neutralised formula coming back as the text it was", async () => {
    const csv = writeSheetCsv({ ...RESULTS, rows });
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    const back = await readWorkbook(new TextEncoder().encode(csv), "results.csv", [RESULTS]);
    expect(back["KPI results"]?.map(({ $row, ...r }) => r)).toEqual(rows);
  });

  it("names the sheet, row and column of each bad cell, with what was expected and found", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("KPI results");
    ws.addRow(["Period end", "KPI", "Result"]); // columns in another order: matched by header
    ws.addRow([new Date(Date.UTC(2026, 2, 31)), "KPI 1", 99]);
    ws.addRow(["31/06/2026", "KPI 2", "n/a"]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const e = await caught(readWorkbook(bytes, "results.xlsx", [RESULTS]));
    expect(e.code).toBe("bad_cells");
    expect(e.message).toBe(
      'results.xlsx: KPI results!A3 (Period end): expected a date such as 2026-03-31 or 31/03/2026, found "31/06/2026" (and 1 more bad cell); nothing was stored',
    );
    expect(
      (e.details as { sheet: string; row: number; column: string }[]).map(
        (d) => `${d.sheet}!${d.column}${d.row}`,
      ),
    ).toEqual(["KPI results!A3", "KPI results!C3"]);
  });

  it("names a missing required column and a missing sheet", async () => {
    const csv = new TextEncoder().encode("KPI,Result\nk,1\n");
    expect((await caught(readWorkbook(csv, "r.csv", [RESULTS]))).message).toBe(
      'r.csv: sheet "KPI results" has no column "Period end" in its first row',
    );
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1");
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await caught(readWorkbook(bytes, "r.xlsx", [RESULTS]))).message).toBe(
      'r.xlsx: the workbook has no sheet "KPI results" (it has "Sheet1")',
    );
  });

  it("refuses an old .xls file, a fake .xlsx, and a zip that claims to unpack to gigabytes", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await caught(readWorkbook(ole, "old.xls", [RESULTS]))).message).toMatch(
      /save it as \.xlsx or \.csv/,
    );
    expect(
      (await caught(readWorkbook(new TextEncoder().encode("a,b"), "x.xlsx", [RESULTS]))).message,
    ).toMatch(/not a zip archive/);
    // A local header, one central directory entry declaring 4 GiB uncompressed, and the end record.
    const bomb = new Uint8Array(30 + 46 + 22);
    const v = new DataView(bomb.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint32(30, 0x02014b50, true);
    v.setUint32(30 + 24, 0xffffffff, true);
    v.setUint32(76, 0x06054b50, true);
    v.setUint16(76 + 10, 1, true);
    v.setUint32(76 + 16, 30, true);
    const e = await caught(readWorkbook(bomb, "bomb.xlsx", [RESULTS]));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/would unpack to more than 200 MiB/);
  });

  it("refuses text that is not UTF-8 with a word on how to save it", async () => {
    const latin1 = new Uint8Array([0x4b, 0x50, 0x49, 0x0a, 0xa3, 0x31]);
    expect((await caught(readWorkbook(latin1, "r.csv", [RESULTS]))).message).toMatch(
      /save it as "CSV UTF-8"/,
    );
  });
});

describe("cells", () => {
  it("reads money as people write it, to integer pence without a binary float", () => {
    const pence = (text: string) => readCell({ type: "text", text }, "pence");
    expect(pence("£48,000,000")).toEqual({ ok: true, value: 4_800_000_000 });
    expect(pence("1,250,000.50")).toEqual({ ok: true, value: 125_000_050 });
    expect(pence("-12.05")).toEqual({ ok: true, value: -1205 });
    expect(pence("12.345").ok).toBe(false);
    expect(pence("1,25").ok).toBe(false);
    expect(readCell({ type: "number", value: 0.1 + 0.2, percentFormat: false }, "pence")).toEqual({
      ok: true,
      value: 30,
    });
  });

  it("reads a percentage-formatted cell as the percentage it shows", () => {
    expect(readCell({ type: "number", value: 0.125, percentFormat: true }, "percent")).toEqual({
      ok: true,
      value: "12.5",
    });
    expect(readCell({ type: "text", text: "4 %" }, "percent")).toEqual({ ok: true, value: "4" });
  });

  it("writes doubles as their shortest decimal text, without exponents", () => {
    expect(numberText(1e21)).toBe("1000000000000000000000");
    expect(numberText(1.5e-7)).toBe("0.00000015");
    expect(numberText(Number.NaN)).toBeNull();
  });

  it("parses RFC 4180 quoting and CRLF", () => {
    expect(parseCsv('\uFEFFa,"b,""c"""\r\n1,2\n')).toEqual([
      ["a", 'b,"c"'],
      ["1", "2"],
    ]);
  });
});
