/**
 * A delivery model assessment's scoring sheet and a workforce plan as spreadsheets, over real
 * HTTP on a demo store: downloaded filled (XLSX and CSV), uploaded back unchanged to the same
 * document, uploaded with a bad cell to an error naming its sheet, row and column with nothing
 * stored, and refused to a role that may not write.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, type DemoServer, startDemoServer } from "./helpers.ts";

async function download(
  server: DemoServer,
  path: string,
): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(server.base + path, {
    headers: { authorization: `Bearer ${server.tokens.commercial}` },
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const upload = (fileName: string, bytes: Uint8Array, reason = "scored at the options workshop") => ({
  fileName,
  contentBase64: Buffer.from(bytes).toString("base64"),
  reason,
});

async function editXlsx(bytes: Buffer, edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  edit(wb.worksheets[0] as ExcelJS.Worksheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("decide documents as spreadsheets", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const stored = async (path: string) =>
    ((await call(server, "admin", "GET", path)).json as { document: unknown }).document;

  it("round-trips the DMA scoring sheet, XLSX and CSV, to the same assessment", async () => {
    const before = await stored("/api/decide/dmas/sscl-bss-dma");
    const xlsx = await download(server, "/api/decide/dmas/sscl-bss-dma/sheet");
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const put = await call(
      server,
      "commercial",
      "PUT",
      "/api/decide/dmas/sscl-bss-dma/sheet",
      upload("scores.xlsx", xlsx.bytes),
    );
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect((put.json as { document: unknown }).document).toEqual(before);

    const csv = await download(server, "/api/decide/dmas/sscl-bss-dma/sheet?format=csv");
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.bytes.toString("utf8")).toMatch(
      /^\uFEFFOption,Option name,Criterion,Criterion name,Kind,Weight,Score,Evidence\n/,
    );
    const put2 = await call(
      server,
      "commercial",
      "PUT",
      "/api/decide/dmas/sscl-bss-dma/sheet",
      upload("scores.csv", csv.bytes),
    );
    expect(put2.status).toBe(200);
    expect((put2.json as { document: unknown }).document).toEqual(before);
  });

  it("names a bad score's cell, an unknown option's and a weight that differs, and stores nothing", async () => {
    const before = await stored("/api/decide/dmas/sscl-bss-dma");
    const xlsx = await download(server, "/api/decide/dmas/sscl-bss-dma/sheet");
    const bad = await editXlsx(xlsx.bytes, (ws) => {
      ws.getCell("G3").value = "high";
      ws.getCell("A4").value = "offshore";
    });
    const res = await call(
      server,
      "commercial",
      "PUT",
      "/api/decide/dmas/sscl-bss-dma/sheet",
      upload("scores.xlsx", bad),
    );
    expect(res.status).toBe(400);
    const body = res.json as {
      error: string;
      message: string;
      details: { sheet: string; row: number; column: string }[];
    };
    expect(body.error).toBe("bad_cells");
    expect(body.message).toBe(
      'scores.xlsx: Scores!G3 (Score): expected a number such as 98.5, found "high" (and 1 more bad cell); nothing was stored',
    );
    expect(body.details.map((d) => `${d.sheet}!${d.column}${d.row}`)).toEqual(["Scores!G3", "Scores!A4"]);
    expect(await stored("/api/decide/dmas/sscl-bss-dma")).toEqual(before);

    const weights = await editXlsx(xlsx.bytes, (ws) => {
      ws.getCell("F2").value = 99;
    });
    const w = await call(
      server,
      "commercial",
      "PUT",
      "/api/decide/dmas/sscl-bss-dma/sheet",
      upload("scores.xlsx", weights),
    );
    expect(w.status).toBe(400);
    expect((w.json as { message: string }).message).toMatch(
      /Scores!F\d+ \(Weight\): expected the same weight as row 2 for criterion/,
    );
    expect(await stored("/api/decide/dmas/sscl-bss-dma")).toEqual(before);
  });

  it("round-trips the workforce plan and names a bad line", async () => {
    const before = await stored("/api/decide/workforce/sscl-bss-workforce");
    const xlsx = await download(server, "/api/decide/workforce/sscl-bss-workforce/sheet");
    const put = await call(
      server,
      "commercial",
      "PUT",
      "/api/decide/workforce/sscl-bss-workforce/sheet",
      upload("workforce.xlsx", xlsx.bytes),
    );
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    expect((put.json as { document: unknown }).document).toEqual(before);

    const bad = await editXlsx(xlsx.bytes, (ws) => {
      ws.getCell("A3").value = "Seconded";
    });
    const res = await call(
      server,
      "commercial",
      "PUT",
      "/api/decide/workforce/sscl-bss-workforce/sheet",
      upload("w.xlsx", bad),
    );
    expect(res.status).toBe(400);
    expect((res.json as { message: string }).message).toMatch(
      /^w\.xlsx: Workforce plan!A3 \(Item\): expected one of Posts in scope, Transferred, .* found "Seconded"; nothing was stored$/,
    );
    expect(await stored("/api/decide/workforce/sscl-bss-workforce")).toEqual(before);
  });

  it("refuses a scrutineer's upload, text that is not base64, and an old .xls file", async () => {
    const path = "/api/decide/dmas/sscl-bss-dma/sheet";
    expect(
      (await call(server, "scrutineer", "PUT", path, upload("s.xlsx", new Uint8Array([1])))).status,
    ).toBe(403);
    const notB64 = await call(server, "commercial", "PUT", path, {
      fileName: "s.csv",
      contentBase64: "%%%",
      reason: "x",
    });
    expect(notB64.status).toBe(400);
    expect((notB64.json as { message: string }).message).toBe(
      "s.csv: the file's content is not valid base64",
    );
    const xls = await call(
      server,
      "commercial",
      "PUT",
      path,
      upload("old.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])),
    );
    expect((xls.json as { message: string }).message).toMatch(/save it as \.xlsx or \.csv/);
    expect((await call(server, "public", "GET", path)).status).toBe(401);
  });
});
