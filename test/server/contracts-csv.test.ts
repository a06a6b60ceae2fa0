/**
 * The register as CSV over HTTP: a contract someone titled `=HYPERLINK("x")` opens in a
 * spreadsheet as text (the cell starts with '), the status is the derived one, money is in
 * pounds to the penny, and the public's export holds published contracts only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "./helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
  const res = await fetch(`${server.base}/api/contracts`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${server.tokens["contract-manager"]}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      id: "formula-title",
      title: '=HYPERLINK("x")',
      buyer: "+MOPAC",
      supplier: "@Supplier",
      valuePence: 123_456,
      awardedOn: "2024-01-01",
      startDate: "2024-02-01",
      endDate: "2025-01-31",
      reason: "test of the export",
    }),
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await server.close();
});

async function csv(role?: string) {
  const headers: Record<string, string> = {};
  const token = role ? server.tokens[role] : undefined;
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/contracts.csv`, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Decoded keeping the byte order mark (res.text() would drop it).
  return { res, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("GET /api/contracts.csv", () => {
  it("writes a formula-looking title as text, with a leading quote", async () => {
    const { res, text } = await csv("contract-manager");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="contracts.csv"');
    expect(text.startsWith("\uFEFFid,title,buyer,supplier,owners")).toBe(true);
    const line = text.split("\n").find((l) => l.startsWith("formula-title,"));
    expect(line).toBeDefined();
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain(",'+MOPAC,'@Supplier,");
    expect(line).toContain(",1234.56,");
    expect(line).toContain(",expired,");
    expect(line?.includes(",=HYPERLINK")).toBe(false);
    expect(line?.includes(',"=HYPERLINK')).toBe(false);
  });

  it("gives the register's derived status, owners and next deadline", async () => {
    const { text } = await csv("scrutineer");
    const sscl = text.split("\n").find((l) => l.startsWith("sscl-bss,"));
    expect(sscl).toContain("Sopra Steria 100%");
    expect(sscl).toContain("2027-09-30");
    expect(sscl).toContain(",extended,");
    const em = text.split("\n").find((l) => l.startsWith("em-tagging,"));
    expect(em).toContain(",expired,");
  });

  it("gives the public published contracts only", async () => {
    const { res, text } = await csv();
    expect(res.status).toBe(200);
    expect(text).not.toContain("formula-title");
    expect(text).toContain("sscl-bss,");
  });
});
