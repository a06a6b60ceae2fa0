/**
 * Walks every API route with every role, over real HTTP: a role the route does not declare is
 * refused (401 for the public, 403 for an account), a role it declares gets through; the public
 * never sees unpublished records.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../../src/store/schema.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

const SAMPLE_PARAMS: Record<string, string> = { id: "catering", username: "finance" };

function fillPath(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => SAMPLE_PARAMS[name] ?? "x");
}

describe("roles on every route", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("declares roles on every API route", () => {
    expect(server.app.nousRoutes.length).toBeGreaterThan(15);
    for (const r of server.app.nousRoutes) expect(r.roles.length, `${r.method} ${r.url}`).toBeGreaterThan(0);
  });

  it("refuses each role a route does not declare, and lets declared roles through", async () => {
    const outcomes: string[] = [];
    for (const route of server.app.nousRoutes) {
      if (route.url === "/api/auth/logout") continue; // would end the session under test
      for (const role of ROLES) {
        // Writes get an empty body: a permitted role then fails validation (400), never 401/403.
        const body = route.method === "GET" ? undefined : {};
        const res = await call(server, role, route.method, fillPath(route.url), body);
        const allowed = route.roles.includes(role);
        const refused = res.status === 401 || res.status === 403;
        outcomes.push(`${route.method} ${route.url} ${role} ${res.status}`);
        if (allowed) {
          expect(refused, `${role} should reach ${route.method} ${route.url}, got ${res.status}`).toBe(false);
        } else {
          expect(res.status, `${role} on ${route.method} ${route.url}`).toBe(role === "public" ? 401 : 403);
          expect(res.json).toMatchObject({ error: role === "public" ? "unauthorized" : "forbidden" });
        }
      }
    }
    expect(outcomes.length).toBe(
      server.app.nousRoutes.filter((r) => r.url !== "/api/auth/logout").length * ROLES.length,
    );
  });

  it("gives a scrutineer 403 on every write route", async () => {
    // Routes under /api/auth/ act only on the caller's own session or account (sign in and out,
    // change one's own password, revoke one's own API token), which every signed-in role may do,
    // the scrutineer included; test/server/accounts.test.ts checks they reach no other account.
    // POST /api/comments is the one write open to everyone, by design: the public asks questions
    // about published records (rate-limited, moderated; test/portal/portal.test.ts checks it).
    const writes = server.app.nousRoutes.filter(
      (r) => r.method !== "GET" && !r.url.startsWith("/api/auth/") && !(r.method === "POST" && r.url === "/api/comments"),
    );
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      const res = await call(server, "scrutineer", route.method, fillPath(route.url), { reason: "try" });
      expect(res.status, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it("shows the public no unpublished data on any read route", async () => {
    const reads = server.app.nousRoutes.filter((r) => r.method === "GET" && r.roles.includes("public"));
    for (const route of reads) {
      const res = await call(server, "public", "GET", fillPath(route.url));
      const text = JSON.stringify(res.json);
      expect(text, route.url).not.toContain("Dedicated detention officers");
      expect(text, route.url).not.toContain("d-2016-detention-procurement");
    }
    expect((await call(server, "public", "GET", "/api/services/detention-officers")).status).toBe(404);
    const staff = await call(server, "scrutineer", "GET", "/api/services/detention-officers");
    expect(staff.status).toBe(200);
    expect(JSON.stringify(staff.json)).toContain("d-2016-detention-procurement");
  });

  it("answers bad input with 400 and a JSON error naming the field, and changes nothing", async () => {
    const before = await call(server, "admin", "GET", "/api/audit?limit=1");
    const res = await call(server, "commercial", "POST", "/api/services", {
      id: "fleet",
      name: "Fleet",
      classification: "sometimes",
      classificationReason: "x",
      reason: "test",
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: "bad_request" });
    expect((res.json as { message: string }).message).toMatch(/classification/);
    const after = await call(server, "admin", "GET", "/api/audit?limit=1");
    expect(after.json).toEqual(before.json);
  });

  it("serves the OpenAPI document with each operation's roles", async () => {
    const res = await call(server, "public", "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = res.json as {
      openapi: string;
      paths: Record<string, Record<string, { description?: string }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths["/api/services"]?.post?.description).toMatch(/Roles: admin, commercial/);
    const docs = await fetch(`${server.base}/api/docs`);
    expect(docs.status).toBeLessThan(400);
  });

  it("signs in with a password and keeps the session in a cookie", async () => {
    const bad = await fetch(`${server.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "finance", password: "wrong" }),
    });
    expect(bad.status).toBe(401);
    const ok = await fetch(`${server.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "finance", password: "demo-finance-pass" }),
    });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/nous_session=.+HttpOnly/);
    const me = await fetch(`${server.base}/api/auth/me`, { headers: { cookie: cookie.split(";")[0]! } });
    expect(await me.json()).toMatchObject({ username: "finance", role: "finance" });
  });
});
