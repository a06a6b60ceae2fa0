/**
 * The probes an orchestrator relies on: `/api/health` answers while the store is down, and
 * `/api/ready` answers 200 only when the store answers and its migrations are exactly this
 * code's; otherwise 503 with a problem body naming which. Real servers on real SQLite files and
 * on a private database of the test run's PostgreSQL cluster.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { Migrator, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { type Store, openMigrated, openStore } from "../../src/store/db.ts";
import { migrationProvider } from "../../src/store/migrations/index.ts";
import { codeMigrations } from "../../src/store/readiness.ts";
import { createTestDatabase, describePg } from "../support/pg.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-ready-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LATEST = codeMigrations().at(-1)!;

async function serve(store: Store): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildServer({ store, webRoot: join(dir, "no-web") });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, base };
}

async function get(base: string, path: string) {
  const res = await fetch(base + path);
  return { status: res.status, type: res.headers.get("content-type") ?? "", json: (await res.json()) as Record<string, unknown> };
}

describe("/api/health and /api/ready on SQLite", () => {
  it("are both 200 on a store migrated by this code", async () => {
    const store = await openMigrated(join(dir, "current.db"));
    const { app, base } = await serve(store);
    try {
      expect(await get(base, "/api/health")).toMatchObject({ status: 200, json: { status: "ok", store: "sqlite" } });
      expect(await get(base, "/api/ready")).toMatchObject({
        status: 200,
        json: { status: "ready", store: "sqlite", migration: LATEST },
      });
    } finally {
      await app.close();
      await store.close();
    }
  });

  it("ready is 503 naming both migrations when the store is behind the code", async () => {
    const names = codeMigrations();
    const previous = names.at(-2)!;
    const store = openStore(join(dir, "behind.db"));
    // A store an older nous migrated: every migration but the last.
    const r = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo(previous);
    expect(r.error).toBeUndefined();
    const { app, base } = await serve(store);
    try {
      const ready = await get(base, "/api/ready");
      expect(ready.status).toBe(503);
      expect(ready.type).toMatch(/^application\/problem\+json/);
      expect(ready.json).toMatchObject({
        type: "/api/problems#migrations_pending",
        title: "The store's migrations are behind this version of nous",
        status: 503,
        error: "migrations_pending",
        details: { store: "sqlite", expected: LATEST, applied: previous },
      });
      expect(String(ready.json.detail)).toContain("nous db migrate");
      expect((await get(base, "/api/health")).status).toBe(200);
    } finally {
      await app.close();
      await store.close();
    }
  });

  it("ready is 503 when a newer nous has migrated the store", async () => {
    const store = await openMigrated(join(dir, "newer.db"));
    await sql`insert into kysely_migration (name, timestamp) values ('999_from_the_future', '2027-01-01T00:00:00.000Z')`.execute(
      store.db,
    );
    const { app, base } = await serve(store);
    try {
      const ready = await get(base, "/api/ready");
      expect(ready.status).toBe(503);
      expect(ready.json).toMatchObject({ error: "migrations_unknown" });
      expect(String(ready.json.detail)).toContain("999_from_the_future");
    } finally {
      await app.close();
      await store.close();
    }
  });

  it("health still answers and ready is 503 when the store cannot be queried", async () => {
    const store = await openMigrated(join(dir, "closed.db"));
    const { app, base } = await serve(store);
    try {
      await store.close();
      expect(await get(base, "/api/health")).toMatchObject({ status: 200, json: { status: "ok" } });
      const ready = await get(base, "/api/ready");
      expect(ready.status).toBe(503);
      expect(ready.json).toMatchObject({ error: "store_unreachable", details: { store: "sqlite" } });
    } finally {
      await app.close();
    }
  });
});

describePg("/api/ready on PostgreSQL", () => {
  it("is 200, then 503 (store unreachable) once the database is dropped, while health stays 200", async () => {
    const db = await createTestDatabase();
    const store = await openMigrated(db.url);
    const { app, base } = await serve(store);
    try {
      expect(await get(base, "/api/ready")).toMatchObject({
        status: 200,
        json: { status: "ready", store: "postgres", migration: LATEST },
      });
      await db.drop();
      const ready = await get(base, "/api/ready");
      expect(ready.status).toBe(503);
      expect(ready.json).toMatchObject({
        error: "store_unreachable",
        title: "The store is unreachable",
        details: { store: "postgres" },
      });
      // The public answer names neither the database nor the server it lives on.
      expect(JSON.stringify(ready.json)).not.toContain(db.name);
      expect(await get(base, "/api/health")).toMatchObject({ status: 200, json: { status: "ok", store: "postgres" } });
    } finally {
      await app.close();
      await store.close();
      await db.drop();
    }
  });
});
