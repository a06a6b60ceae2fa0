/**
 * The server's log as an operator reads it: one JSON object a line, each request under the id
 * the client got back in X-Request-Id, a 5xx written once at `error` with its stack, and no
 * bearer token, session cookie or password anywhere in it. A real server on a real SQLite demo
 * database; the log goes to a stream the test reads.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { ANYONE } from "../../src/server/auth.ts";
import { parseLogLevel, requestId } from "../../src/server/logging.ts";
import { type Store, openMigrated } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { createApiToken } from "../../src/store/users.ts";

interface LogLine {
  level: number;
  reqId?: string;
  msg?: string;
  err?: { type: string; message: string; stack: string };
  [key: string]: unknown;
}

const dir = mkdtempSync(join(tmpdir(), "nous-log-"));
const raw: string[] = [];
let store: Store;
let app: FastifyInstance;
let base: string;
let token: string;

function lines(): LogLine[] {
  return raw
    .join("")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as LogLine);
}

beforeAll(async () => {
  store = await openMigrated(join(dir, "nous.db"));
  await loadDemo(store);
  token = await createApiToken(store, "admin", "log test", "test");
  app = await buildServer({
    store,
    webRoot: join(dir, "no-web"),
    logger: { level: "info", stream: { write: (l: string) => void raw.push(l) } },
  });
  // A route that fails the way a bug would: an exception the handler did not expect.
  app.get("/api/test/explode", { config: { roles: ANYONE } }, async () => {
    throw new Error("the handler fell over");
  });
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the server's log", () => {
  it("writes a 5xx once at error level with the request id and the stack, and hides the bearer token", async () => {
    const res = await fetch(`${base}/api/test/explode`, {
      headers: { authorization: `Bearer ${token}`, "x-request-id": "probe-5xx-0001" },
    });
    expect(res.status).toBe(500);
    expect(res.headers.get("x-request-id")).toBe("probe-5xx-0001");
    expect(await res.json()).toMatchObject({ error: "internal" });
    const errors = lines().filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.reqId).toBe("probe-5xx-0001");
    expect(errors[0]!.err?.message).toBe("the handler fell over");
    expect(errors[0]!.err?.stack).toMatch(/Error: the handler fell over\n\s+at /);
    // Every line of the request carries its id: the error, then one line when it completed,
    // naming the method, the URL and the status.
    const mine = lines().filter((l) => l.reqId === "probe-5xx-0001");
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(["request completed"]));
    const done = mine.find((l) => l.msg === "request completed") as unknown as {
      req: { method: string; url: string };
      res: { statusCode: number };
    };
    expect(done.req.method).toBe("GET");
    expect(done.res.statusCode).toBe(500);
    expect(raw.join("")).not.toContain(token);
  });

  it("never writes a password or a session cookie, even when a handler logs the request's headers and body", async () => {
    const password = "demo-admin-pass";
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const session = cookie.split("=")[1]!;
    expect(session.length).toBeGreaterThan(8);
    const me = await fetch(`${base}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    // What a careless handler might write: the whole request, its body, an account record.
    app.log.info(
      {
        req: { headers: { authorization: `Bearer ${token}`, cookie }, body: { username: "admin", password } },
        account: { username: "admin", password },
        password,
      },
      "debugging a sign-in",
    );
    const text = raw.join("");
    expect(text).toContain("debugging a sign-in");
    expect(text).toContain("[redacted]");
    expect(text).not.toContain(password);
    expect(text).not.toContain(session);
    expect(text).not.toContain(token);
  });

  it("gives each request an id, keeping the client's only when it is short and safe", async () => {
    const plain = await fetch(`${base}/api/health`);
    expect(plain.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    for (const bad of ["has spaces in it", "x".repeat(65), 'quote"and\\slash', "<script>", "{\"level\":60}"]) {
      const res = await fetch(`${base}/api/health`, { headers: { "x-request-id": bad } });
      const id = res.headers.get("x-request-id");
      expect(id).not.toBe(bad);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(requestId({ headers: { "x-request-id": "lb-7f3a:9" } } as never)).toBe("lb-7f3a:9");
    expect(requestId({ headers: { "x-request-id": "a b" } } as never)).not.toBe("a b");
  });

  it("takes its level from NOUS_LOG_LEVEL or --log-level and names a wrong one", () => {
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel("WARN")).toBe("warn");
    expect(() => parseLogLevel("loud")).toThrow(/NOUS_LOG_LEVEL: expected one of fatal, error, .* got "loud"/);
    expect(() => parseLogLevel("loud", "--log-level")).toThrow(/^--log-level: /);
  });
});
