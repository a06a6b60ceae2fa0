/**
 * What a browser is told and what it may send: security headers on the dashboard and the API
 * (CSP without inline scripts, no framing, nosniff, a referrer policy, HSTS only over TLS), the
 * session cookie's Secure flag behind a TLS proxy, cross-site writes refused, and request bodies
 * bounded in size and depth with a clear 4xx that names where.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { type Store, openMigrated } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { createApiToken } from "../../src/store/users.ts";

let dir: string;
let store: Store;
let app: FastifyInstance;
let base: string;
let proxied: FastifyInstance;
let proxiedBase: string;
let admin: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nous-headers-"));
  const web = join(dir, "web");
  mkdirSync(web);
  writeFileSync(join(web, "index.html"), "<!doctype html><title>dashboard</title>");
  store = await openMigrated(join(dir, "nous.db"));
  await loadDemo(store);
  admin = { authorization: `Bearer ${await createApiToken(store, "admin", "test", "test")}` };
  app = await buildServer({ store, webRoot: web });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
  proxied = await buildServer({ store, webRoot: web, trustProxy: "127.0.0.1" });
  proxiedBase = await proxied.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await app?.close();
  await proxied?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signIn(at: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${at}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ username: "commercial", password: "demo-commercial-pass" }),
  });
}

describe("security headers", () => {
  for (const path of ["/", "/contracts", "/api/health", "/api/services", "/api/nothing"]) {
    it(`sends them on ${path}`, async () => {
      const res = await fetch(base + path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      // Plain HTTP: no HSTS (it would be ignored, and would pin a host that may later move).
      expect(res.headers.get("strict-transport-security")).toBeNull();
    });
  }

  it("sends HSTS and a Secure session cookie when a trusted proxy says the client used TLS", async () => {
    const res = await signIn(proxiedBase, { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d{7,}/);
    expect(res.headers.get("set-cookie")).toMatch(/nous_session=[^;]+;.*HttpOnly.*; Secure/);
  });

  it("ignores X-Forwarded-Proto unless the proxy is trusted", async () => {
    const res = await signIn(base, { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).not.toMatch(/Secure/);
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("cross-site writes", () => {
  let cookie: string;
  beforeAll(async () => {
    const res = await signIn(base);
    cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^nous_session=/);
  });
  const service = (id: string) =>
    JSON.stringify({
      id,
      name: "Fleet",
      classification: "non-core",
      classificationReason: "vehicles",
      reason: "test",
    });

  it("refuses a cookie-authenticated write from another origin or site, and stores nothing", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "http://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "null" },
    ]) {
      const res = await fetch(`${base}/api/services`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie, ...headers },
        body: service("fleet-csrf"),
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { message: string }).message).toMatch(
        /may not change data here|not a valid origin/,
      );
    }
    expect((await fetch(`${base}/api/services/fleet-csrf`, { headers: { cookie } })).status).toBe(404);
  });

  it("accepts the same write from the dashboard's own origin", async () => {
    const res = await fetch(`${base}/api/services`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: base, "sec-fetch-site": "same-origin" },
      body: service("fleet-same-origin"),
    });
    expect(res.status).toBeLessThan(300);
  });
});

describe("request bodies", () => {
  it("refuses a body over the route's limit with 413 and says the limit", async () => {
    const res = await fetch(`${base}/api/services`, {
      method: "POST",
      headers: { "content-type": "application/json", ...admin },
      body: JSON.stringify({ id: "x", name: "y".repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("body_too_large");
    expect(body.message).toMatch(/larger than the 1,048,576 bytes this route accepts/);
  });

  it("refuses JSON nested 20,000 deep with the line and column where it goes past the limit", async () => {
    const res = await fetch(`${base}/api/services`, {
      method: "POST",
      headers: { "content-type": "application/json", ...admin },
      body: `{"id":\n${"[".repeat(20000)}${"]".repeat(20000)}}`,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: string;
      message: string;
      details: { line: number; column: number };
    };
    expect(body.error).toBe("too_deep");
    expect(body.message).toMatch(/nested more than 64 levels/);
    expect(body.details).toEqual({ line: 2, column: 64 });
  });

  it("refuses malformed JSON with the line and column", async () => {
    const res = await fetch(`${base}/api/services`, {
      method: "POST",
      headers: { "content-type": "application/json", ...admin },
      body: '{\n  "id": "x",\n  "name": }',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; details: { line: number } };
    expect(body.error).toBe("malformed_json");
    expect(body.details.line).toBe(3);
  });

  it("refuses a __proto__ key (prototype pollution)", async () => {
    const res = await fetch(`${base}/api/services`, {
      method: "POST",
      headers: { "content-type": "application/json", ...admin },
      body: '{"id":"x","__proto__":{"admin":true}}',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/__proto__/);
  });

  it("echoes no raw control characters from the input in an error message", async () => {
    const res = await fetch(`${base}/api/nothing\u001b[31m`.replace("\u001b", "%1b"));
    const text = await res.text();
    expect(text.includes("\u001b")).toBe(false);
    const bad = await fetch(
      `${base}/api/services/x\u001b]0;pwned\u0007`.replace("\u001b", "%1B").replace("\u0007", "%07"),
    );
    expect([...(await bad.text())].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
  });
});

describe("NOUS_TRUST_PROXY", () => {
  it("reads true, false and proxy addresses, and names a bad value", async () => {
    const { parseTrustProxy } = await import("../../src/server/app.ts");
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("0")).toBe(false);
    expect(parseTrustProxy("TRUE")).toBe(true);
    expect(parseTrustProxy("127.0.0.1, 10.0.0.0/8")).toBe("127.0.0.1,10.0.0.0/8");
    expect(() => parseTrustProxy("yes please")).toThrow(
      /NOUS_TRUST_PROXY: expected true, false or proxy addresses/,
    );
  });
});
