/**
 * A repeated id on PostgreSQL: the unique-key violation (SQLSTATE 23505) comes back as a 409 naming
 * the id, not a 500, also when requests race for one new id; money out of range is refused by the
 * schema before PostgreSQL sees it (it used to answer 500 for 2^63). A real server on a private
 * database of the test run's PostgreSQL cluster.
 */

import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { createApiToken } from "../../src/store/users.ts";
import { createTestDatabase, describePg, type TestDatabase } from "../support/pg.ts";

describePg("repeated ids and money bounds on PostgreSQL", () => {
  let db: TestDatabase;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await openMigrated(db.url);
    await loadDemo(store);
    token = await createApiToken(store, "admin", "test", "test");
    app = await buildServer({ store, webRoot: join(tmpdir(), "no-web") });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await db?.drop();
  });

  async function send(method: string, path: string, body?: unknown, raw?: string) {
    const res = await fetch(base + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  const contract = (id: string) => ({ id, title: "Bounds", buyer: "B", supplier: "S", reason: "test" });

  it("POST /api/contracts, /services and /decisions with an id that exists are 409 naming it", async () => {
    const [c] = (await send("GET", "/api/contracts")).json as unknown as Array<{ id: string }>;
    const before = await send("GET", `/api/contracts/${c!.id}`);
    expect(await send("POST", "/api/contracts", contract(c!.id))).toMatchObject({
      status: 409,
      json: {
        error: "duplicate_id",
        message: `a contract with id "${c!.id}" already exists`,
        details: { id: c!.id },
      },
    });
    expect(await send("GET", `/api/contracts/${c!.id}`)).toEqual(before);

    const [s] = (await send("GET", "/api/services")).json as unknown as Array<{ id: string }>;
    const svc = { id: s!.id, name: "x", classification: "core", classificationReason: "x", reason: "test" };
    expect(await send("POST", "/api/services", svc)).toMatchObject({
      status: 409,
      json: { error: "duplicate_id", message: `a service with id "${s!.id}" already exists` },
    });

    const [d] = (await send("GET", "/api/decisions")).json as unknown as Array<{ id: string }>;
    const dec = {
      id: d!.id,
      decidedOn: "2026-01-01",
      gate: "scrutiny",
      title: "t",
      outcome: "o",
      reason: "test",
    };
    expect(await send("POST", "/api/decisions", dec)).toMatchObject({
      status: 409,
      json: { error: "duplicate_id", message: `a decision with id "${d!.id}" already exists` },
    });
  });

  it("requests racing for one new id: one 201, the others 409", async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => send("POST", "/api/contracts", contract("pg-race"))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect((await send("GET", "/api/contracts/pg-race")).status).toBe(200);
  });

  it("refuses valuePence of 2^63 with 400 naming the field (it was a 500)", async () => {
    const raw = JSON.stringify(contract("pg-huge")).replace("}", ',"valuePence":9223372036854775808}');
    const res = await send("POST", "/api/contracts", undefined, raw);
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^body\.valuePence: must be a whole number of pence from 0 to /);
    expect((await send("GET", "/api/contracts/pg-huge")).status).toBe(404);
  });
});
