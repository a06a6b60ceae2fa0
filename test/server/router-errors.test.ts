/**
 * Errors the router raises before any route is matched answer RFC 9457 problem+json like every
 * other error, and never repeat the address: a path part past the router's limit (the fuzz sent
 * control characters in one) and a %-escape that does not decode.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "./helpers.ts";

describe("router errors", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers a too-long path part with 414 problem+json that does not echo it", async () => {
    const junk = `${"a".repeat(150)}%1b[31m`;
    const res = await fetch(`${server.base}/api/contracts/${junk}/obligations`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${server.tokens.admin}` },
      body: "{}",
    });
    expect(res.status).toBe(414);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    const text = await res.text();
    expect(text).not.toContain("aaaa");
    expect(text).not.toContain("\\u001b");
    expect(JSON.parse(text)).toMatchObject({
      type: "/api/problems#uri_too_long",
      status: 414,
      error: "uri_too_long",
    });
  });

  it("answers an address whose %-escape does not decode with 400 problem+json", async () => {
    const res = await fetch(`${server.base}/api/contracts/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json; charset=utf-8");
    expect(await res.json()).toMatchObject({ error: "bad_request", status: 400 });
  });
});
