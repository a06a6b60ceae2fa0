/**
 * The role check cannot be walked around. It is keyed on the route the router matched, so every
 * spelling of a path the router accepts (percent-encoded letters, doubled slashes, a trailing
 * slash, upper case) meets the same roles as the plain path, and an API path that matches no
 * route is a JSON 404, never the dashboard. A route that declares no roles cannot be registered.
 * Requests go over a raw socket (node:http) so the path reaches the server exactly as written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { requireRoles } from "../../src/server/auth.ts";
import { openMigrated } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { createApiToken } from "../../src/store/users.ts";

interface Raw {
  status: number;
  type: string;
  body: string;
}

function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Raw> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: body ? { "content-type": "application/json", ...headers } : headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"] ?? ""),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

/** Spellings of a path that a router might take for it: each letter of each literal segment encoded, and more. */
function spellings(path: string): string[] {
  const out = new Set<string>();
  const segments = path.split("/");
  for (let s = 1; s < segments.length; s++) {
    const seg = segments[s] ?? "";
    for (let i = 0; i < seg.length; i++) {
      const ch = seg[i] ?? "";
      if (!/[a-z]/i.test(ch)) continue;
      const enc = `%${ch.charCodeAt(0).toString(16)}`;
      for (const e of [enc, enc.toUpperCase()]) {
        const copy = [...segments];
        copy[s] = seg.slice(0, i) + e + seg.slice(i + 1);
        out.add(copy.join("/"));
      }
    }
    const whole = [...segments];
    whole[s] = [...seg].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
    out.add(whole.join("/"));
  }
  out.add(`/${path}`);
  out.add(path.replace("/api/", "/api//"));
  out.add(`${path}/`);
  out.add(path.replace("/api/", "/API/"));
  out.add(path.replace("/api/", "/./api/"));
  out.add(path.replace("/api/", "/x/../api/"));
  out.add(`${path};x`);
  out.add(`${path}%00`);
  out.add(`${path}?`);
  out.add(`${path}#x`);
  return [...out];
}

const SAMPLE: Record<string, string> = { id: "catering", username: "finance", code: "R003", type: "UK6" };
const fill = (url: string) => url.replace(/:(\w+)/g, (_, n: string) => SAMPLE[n] ?? "x");

describe("the role check under every spelling of a path", () => {
  let dir: string;
  let base: string;
  let close: () => Promise<void>;
  let routes: { method: string; url: string; roles: readonly string[] }[];
  let adminToken: string;
  let countUsers: () => Promise<number>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nous-sec-"));
    const web = join(dir, "web");
    mkdirSync(web);
    writeFileSync(join(web, "index.html"), "<!doctype html><title>dashboard</title><div id=root></div>");
    const store = await openMigrated(join(dir, "nous.db"));
    await loadDemo(store);
    adminToken = await createApiToken(store, "admin", "test", "test");
    const app = await buildServer({ store, webRoot: web });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    routes = app.nousRoutes;
    countUsers = async () =>
      Number(
        (
          await store.db
            .selectFrom("users")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    close = async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(async () => close?.());

  it("refuses the encoded spellings the probe found, and creates nothing", async () => {
    const users = await countUsers();
    for (const p of ["/%61pi/users", "/ap%69/audit", "/%61%70%69/billing/exceptions"]) {
      const res = await raw(base, "GET", p);
      expect([401, 404], p).toContain(res.status);
      expect(res.type, p).toMatch(/json/);
    }
    const created = await raw(
      base,
      "POST",
      "/%61pi/users",
      {},
      JSON.stringify({
        username: "mallory",
        role: "admin",
        password: "correct horse battery staple",
        reason: "x",
      }),
    );
    expect([401, 404]).toContain(created.status);
    const reset = await raw(
      base,
      "POST",
      "/%61pi/users/finance/password",
      {},
      JSON.stringify({ password: "correct horse battery staple", reason: "x" }),
    );
    expect([401, 404]).toContain(reset.status);
    expect(await countUsers()).toBe(users);
  });

  it("gives every non-public route, under every spelling, to no anonymous caller", async () => {
    let tried = 0;
    const leaks: string[] = [];
    for (const r of routes) {
      if (r.roles.includes("public")) continue;
      const body = r.method === "GET" ? undefined : "{}";
      for (const p of spellings(fill(r.url))) {
        const res = await raw(base, r.method, p, {}, body);
        tried++;
        // Refused (401), or no such route (404 JSON); never served, never the dashboard.
        if (!(res.status === 401 || (res.status === 404 && /json/.test(res.type)) || res.status === 400))
          leaks.push(`${r.method} ${p} -> ${res.status} ${res.type}`);
      }
    }
    console.log(
      `security: ${tried} spellings of ${routes.filter((r) => !r.roles.includes("public")).length} non-public routes tried anonymously`,
    );
    expect(leaks).toEqual([]);
    expect(tried).toBeGreaterThan(1000);
  });

  it("answers an API path that matches no route with a JSON 404, however it is spelled", async () => {
    for (const p of [
      "/api/nothing",
      "/%61pi/nothing",
      "/API/nothing",
      "//api/nothing",
      "/api",
      "/%2561pi/users",
    ]) {
      const res = await raw(base, "GET", p);
      expect(res.status, p).toBe(404);
      expect(res.type, p).toMatch(/^application\/(problem\+)?json/);
      expect(JSON.parse(res.body), p).toMatchObject({ error: "not_found" });
    }
    // A dashboard page still gets the dashboard.
    const page = await raw(base, "GET", "/contracts/sscl");
    expect(page.status).toBe(200);
    expect(page.body).toContain("<div id=root>");
  });

  it("treats an invalid bearer token as no access on every route", async () => {
    for (const r of routes) {
      const res = await raw(
        base,
        r.method,
        fill(r.url),
        { authorization: "Bearer not-a-real-token" },
        r.method === "GET" ? undefined : "{}",
      );
      expect(res.status, `${r.method} ${r.url}`).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({
        error: "unauthorized",
        message: "the API token is not valid",
      });
    }
  });

  it("lets a declared role through under an encoded spelling (the check is on the route, not the text)", async () => {
    const res = await raw(base, "GET", "/%61pi/users", { authorization: `Bearer ${adminToken}` });
    expect(res.status).toBe(200);
  });
});

describe("registration", () => {
  it("refuses to start with an API route that declares no roles, naming it", async () => {
    const app = Fastify();
    app.addHook("onRoute", requireRoles);
    expect(() => app.get("/api/forgotten", async () => ({ ok: true }))).toThrow(
      /GET \/api\/forgotten declares no roles/,
    );
    await app.close().catch(() => {});
  });

  it("refuses an encoded spelling of an API route that declares no roles too", () => {
    expect(() => requireRoles({ method: "GET", url: "/%61pi/x", handler: async () => ({}) })).toThrow(
      /declares no roles/,
    );
    // The dashboard's files are public.
    const page = { method: "GET" as const, url: "/assets/app.js", handler: async () => ({}), config: {} };
    requireRoles(page);
    expect(page.config).toMatchObject({ roles: expect.arrayContaining(["public"]) });
  });
});
