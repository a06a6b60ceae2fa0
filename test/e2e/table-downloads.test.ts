/**
 * Every dashboard table downloads as CSV and XLSX, as shown (sorted and filtered), in real
 * Chromium: the XLSX the browser writes is read back by exceljs (through src/io/sheet.ts, the
 * reader uploads go through), and the CSV through the same reader, so both are files a
 * spreadsheet opens. The writers are also checked apart from the browser: a CRC-32 check value,
 * hostile text staying text, and XML-forbidden control characters dropped.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook, type SheetSpec } from "../../src/io/sheet.ts";
import {
  crc32,
  exportFileName,
  sheetName,
  tableCsv,
  tableXlsx,
} from "../../web/src/components/table-export.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

const specOf = (headers: string[]): SheetSpec => ({
  name: "",
  columns: headers.map((h, i) => ({ key: `c${i}`, header: h, kind: "text" as const })),
});

describe("table files", () => {
  it("writes an XLSX that exceljs reads back cell for cell, formulas staying text", async () => {
    const headers = ["Title", "Value (£)", "Notes"];
    const rows = [
      ['=HYPERLINK("http://x","y")', 234_500_000, "a & b <c>"],
      ["Bell\u0007 removed", -12.5, null],
    ];
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const bytes = tableXlsx("Contract register: all", headers, rows);
    const spec = { ...specOf(headers), name: sheetName("Contract register: all") };
    const back = await readWorkbook(bytes, "t.xlsx", [spec]);
    expect(back[spec.name]?.map(({ $row, ...r }) => Object.values(r))).toEqual([
      ['=HYPERLINK("http://x","y")', "234500000", "a & b <c>"],
      ["Bell removed", "-12.5", null],
    ]);
    const csv = tableCsv(headers, rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain(",234500000,");
    expect(exportFileName("Contract register: all", "xlsx")).toBe("contract-register-all.xlsx");
  });
});

describeBrowser("table downloads in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("table-downloads");
  });
  afterAll(async () => {
    await web?.close();
  });

  async function fetchDownload(page: Page, name: RegExp): Promise<{ file: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name }).first().click(),
    ]);
    const path = await download.path();
    return { file: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  it("downloads the register, filtered, as XLSX and CSV with the rows shown", async () => {
    const page = await web.visitor();
    await web.signIn(page, "admin", "demo-admin-pass", "/contracts");
    const table = page.locator("table").first();
    await table.locator("tbody tr").first().waitFor();
    const filter = page.getByLabel(/^Filter /).first();
    const firstTitle = (await table.locator("tbody tr td").first().innerText()).trim();
    await filter.fill(firstTitle);
    await page.waitForFunction(() => document.querySelectorAll("table tbody tr:not([hidden])").length >= 1);
    const headers = (await table.locator("thead th").allInnerTexts()).map((h) =>
      h.replace(/[▲▼↕]/g, "").trim(),
    );
    const shown = await table.locator("tbody tr:not([hidden])").count();

    const xlsx = await fetchDownload(page, /^Download XLSX/);
    expect(xlsx.file).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    // The sheet is named after the table's caption.
    const caption = (await table.locator("caption").innerText()).trim();
    const rows = await readWorkbook(xlsx.bytes, xlsx.file, [
      { ...specOf(headers), name: sheetName(caption) },
    ]);
    const sheetRows = Object.values(rows)[0] ?? [];
    expect(sheetRows).toHaveLength(shown);
    expect(sheetRows[0]?.c0).toBe(firstTitle);

    const csv = await fetchDownload(page, /^Download CSV/);
    expect(csv.file).toMatch(/\.csv$/);
    const fromCsv = await readWorkbook(csv.bytes, csv.file, [{ ...specOf(headers), name: "csv" }]);
    expect(fromCsv.csv).toHaveLength(shown);
    expect(fromCsv.csv?.[0]?.c0).toBe(firstTitle);
  });
});
