/**
 * What every operation gets from being declared once: its body is validated against its schema
 * with a plain-words problem on failure, its answer is serialised through its response schema so
 * a field the contract does not declare never leaves the server, its success status is the
 * declared one, and its roles are enforced. A real Fastify server on a real store.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineOperation, fillPath } from "../../src/contract/operation.ts";
import { ADMIN, ANYONE } from "../../src/contract/roles.ts";
import { buildServer } from "../../src/server/app.ts";
import { addOperation } from "../../src/server/operation.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";

const echo = defineOperation({
  operationId: "testEcho",
  method: "POST",
  path: "/test-echo/:id",
  summary: "Echo for the contract test",
  tags: ["test"],
  roles: ANYONE,
  params: z.object({ id: z.string() }),
  body: z.object({ name: z.string().min(1), valuePence: z.number().int().min(0).max(1000) }).strict(),
  status: 201,
  response: z.object({ id: z.string(), name: z.string() }),
});

const secret = defineOperation({
  operationId: "testSecret",
  method: "GET",
  path: "/test-secret",
  summary: "Admins only",
  tags: ["test"],
  roles: ADMIN,
  response: z.object({ ok: z.boolean() }),
});

const dir = mkdtempSync(join(tmpdir(), "nous-operation-"));
let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await openMigrated(join(dir, "nous.db"));
  app = await buildServer({ store, webRoot: join(dir, "no-web") });
  await app.register(
    async (api) => {
      addOperation(api, echo, ({ params, body }) => ({
        id: params.id,
        name: body.name,
        // Not in the response schema: must not reach the client.
        passwordHash: "scrypt$secret",
      } as { id: string; name: string }));
      addOperation(api, secret, () => ({ ok: true }));
    },
    { prefix: "/api" },
  );
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("an operation registered from its declaration", () => {
  it("answers with the declared status and only the declared fields", async () => {
    const res = await app.inject({ method: "POST", url: fillPath(echo.path, { id: "a/b" }), payload: { name: "x", valuePence: 5 } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: "a/b", name: "x" });
    expect(res.body).not.toContain("secret");
  });

  it("refuses a body outside its schema with a problem naming the field and the range", async () => {
    const res = await app.inject({ method: "POST", url: "/api/test-echo/x", payload: { name: "x", valuePence: 1001 } });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: "/api/problems#bad_request",
      status: 400,
      error: "bad_request",
      detail: "body.valuePence: must be a whole number of pence from 0 to 1000",
    });
  });

  it("enforces its roles", async () => {
    const res = await app.inject({ method: "GET", url: "/api/test-secret" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: "unauthorized", type: "/api/problems#unauthorized" });
  });

  it("appears in the OpenAPI document with its id, security and problem answers", async () => {
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json() as {
      paths: Record<string, Record<string, { operationId: string; security: unknown[]; responses: Record<string, unknown> }>>;
    };
    const post = doc.paths["/api/test-echo/{id}"]!.post!;
    expect(post.operationId).toBe("testEcho");
    expect(post.security).toEqual([]);
    expect(Object.keys(post.responses).sort()).toEqual(["201", "400", "404", "413"]);
    const get = doc.paths["/api/test-secret"]!.get!;
    expect(get.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(Object.keys(get.responses).sort()).toEqual(["200", "401", "403"]);
  });

  it("serves the problem catalogue its types point at", async () => {
    const res = await app.inject({ method: "GET", url: "/api/problems" });
    const list = res.json() as { code: string; type: string; status: number }[];
    expect(list.find((p) => p.code === "duplicate_id")).toEqual({
      code: "duplicate_id",
      type: "/api/problems#duplicate_id",
      status: 409,
      title: "The id is already taken",
    });
  });
});
