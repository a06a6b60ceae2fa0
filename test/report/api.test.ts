/**
 * GET /api/report/scrutiny on a real server over the demo store: staff download the same report
 * the command writes, as one HTML file no cache keeps; the public is refused; an unknown record
 * and two scopes at once are problems naming what is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

async function get(role: string | null, path: string) {
  const headers: Record<string, string> = {};
  if (role) headers.authorization = `Bearer ${server.tokens[role]}`;
  const res = await fetch(`${server.base}${path}`, { headers });
  return { res, text: await res.text() };
}

describe("GET /api/report/scrutiny", () => {
  it("gives staff the contract's report as an HTML download", async () => {
    const { res, text } = await get("scrutineer", "/api/report/scrutiny?contract=sscl-bss&format=html");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="scrutiny-contract-sscl-bss-\d{4}-\d{2}-\d{2}\.html"$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(text).toContain("Scrutiny report: contract Business support services (finance, procurement, HR)");
    expect(text).toContain("<svg");
    expect(text).not.toMatch(/<script/i);
  }, 120_000);

  it("gives the body's report with no scope named", async () => {
    const { res, text } = await get("finance", "/api/report/scrutiny");
    expect(res.status).toBe(200);
    expect(text).toContain("Scrutiny report: Mayor&#39;s Office for Policing and Crime");
  }, 120_000);

  it("refuses the public: the report reads unpublished records", async () => {
    const r = await call(server, "public", "GET", "/api/report/scrutiny");
    expect(r.status).toBe(401);
  });

  it("answers problems for a missing record, two scopes and a PDF", async () => {
    const missing = await call(server, "scrutineer", "GET", "/api/report/scrutiny?service=no-such");
    expect(missing.status).toBe(404);
    expect(JSON.stringify(missing.json)).toContain("no-such");
    const both = await call(server, "scrutineer", "GET", "/api/report/scrutiny?service=hr&contract=sscl-bss");
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.json)).toContain("not both");
    const pdf = await call(server, "scrutineer", "GET", "/api/report/scrutiny?format=pdf");
    expect(pdf.status).toBe(400);
  });
});
