/**
 * Bad input on every API route, over real HTTP as the administrator (who may call every route):
 * wrong types, junk values, odd path segments and broken JSON each get a 4xx with a JSON body
 * `{error, message}`, never a 5xx, and the audit chain stays intact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

const ODD_SEGMENTS = ["%00", "..%2F..%2Fetc", "x".repeat(2000), "%F0%9F%92%A9", "null", "-1"];

/** Bodies with the wrong shape for nearly any route. */
const BAD_BODIES: unknown[] = [
  { reason: 5, id: [], title: {}, published: "yes", amountPence: -1, document: "x" },
  { reason: "r", id: "a/b", date: "2015-02-30", periodEnd: "yesterday", files: { "x.csv": 3 } },
  [],
  "text",
];

describe("bad input on every route", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers junk with a 4xx JSON error on every route, never a 5xx", async () => {
    const failures: string[] = [];
    const check = (what: string, res: { status: number; json: unknown }) => {
      const body = res.json as { error?: unknown; message?: unknown };
      if (res.status >= 500)
        failures.push(`${what}: ${res.status} ${JSON.stringify(res.json).slice(0, 200)}`);
      else if (res.status >= 400 && (typeof body?.error !== "string" || typeof body?.message !== "string"))
        failures.push(`${what}: ${res.status} without {error, message}`);
    };
    const routes = server.app.nousRoutes.filter((r) => r.url !== "/api/auth/logout");
    for (const route of routes) {
      const params = route.url.match(/:\w+/g) ?? [];
      const paths = params.length
        ? ODD_SEGMENTS.map((seg) => route.url.replace(/:\w+/g, seg))
        : [`${route.url}?page=-1&pageSize=abc&rule=B99&month=13&buyer=&seed=x&iterations=1e9`];
      for (const path of paths) {
        if (route.method === "GET")
          check(`GET ${path.slice(0, 80)}`, await call(server, "admin", "GET", path));
        else
          for (const body of BAD_BODIES)
            check(
              `${route.method} ${path.slice(0, 80)} ${JSON.stringify(body).slice(0, 40)}`,
              await call(server, "admin", route.method, path, body),
            );
      }
    }
    expect(failures).toEqual([]);
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });

  it("answers broken JSON with 400 naming the problem", async () => {
    const res = await fetch(`${server.base}/api/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${server.tokens.admin}`, "content-type": "application/json" },
      body: '{"username": "x",',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; message: string };
    expect(typeof body.message).toBe("string");
    expect(body.message.length).toBeGreaterThan(0);
  });
});
