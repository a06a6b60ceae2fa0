/**
 * kill -9 of `nous db migrate` at several points leaves a store that opens: every migration is
 * there with its bookkeeping row or wholly absent, the next `nous db migrate` finishes the job,
 * `nous audit verify` passes and the rows held before are all still there. Run on SQLite and on
 * PostgreSQL; at least one kill on each must land while the migration was under way.
 */
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../src/store/audit.ts";
import { openStore } from "../../src/store/db.ts";
import { migrations } from "../../src/store/migrations/index.ts";
import { migrateUp } from "../../src/store/migrations/runner.ts";
import type { Database } from "../../src/store/schema.ts";
import { describePg } from "../support/pg.ts";
import {
  type Kill,
  killWhen,
  nous,
  pgTarget,
  removeScratch,
  sqliteFile,
  sqliteTarget,
  startNous,
  type Target,
} from "./support.ts";

const NAMES = Object.keys(migrations).sort();
const BOOKKEEPING = new Set(["kysely_migration", "kysely_migration_lock"]);

/** The tables each migration creates, found by running them one by one on a scratch database. */
async function tablesByMigration(): Promise<Map<string, string[]>> {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the database before its types exist
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
  const out = new Map<string, string[]>();
  const seen = new Set<string>();
  try {
    for (const name of NAMES) {
      await migrations[name]!.up(db);
      const now = (await db.introspection.getTables()).map((t) => t.name);
      out.set(
        name,
        now.filter((t) => !seen.has(t)),
      );
      for (const t of now) seen.add(t);
    }
  } finally {
    await db.destroy();
  }
  return out;
}

/** A store migrated to 001 only, holding an account and its audit entry: the prior rows. */
async function storeAtFirstMigration(url: string): Promise<void> {
  const store = openStore(url);
  try {
    await migrateUp(store.db, store.kind, { [NAMES[0]!]: migrations[NAMES[0]!]! });
    await store.db.transaction().execute(async (trx) => {
      // biome-ignore lint/suspicious/noExplicitAny: the users table as migration 001 made it, before later columns
      await (trx as Kysely<any>)
        .insertInto("users")
        .values({
          username: "held-before",
          display_name: "Held before the migration",
          role: "admin",
          password_hash: "x",
          created_at: "2026-01-01T00:00:00Z",
        })
        .execute();
      await appendAudit(trx as unknown as Kysely<Database>, {
        actor: "test",
        action: "create",
        entity: "user",
        entityId: "held-before",
        reason: "prior row",
        at: "2026-01-01T00:00:00Z",
      });
    });
  } finally {
    await store.close();
  }
}

async function applied(target: Target): Promise<string[]> {
  if (!(await target.tables()).includes("kysely_migration")) return [];
  const rows = await target.query<{ name: string }>("select name from kysely_migration");
  return rows.map((r) => r.name).sort();
}

interface Point {
  /** Kill once this many migrations are recorded as applied (0: the bookkeeping table exists). */
  after: number;
  /** ...and this many milliseconds more. */
  ms: number;
}

const POINTS: Point[] = [
  { after: 0, ms: 0 },
  { after: 0, ms: 3 },
  { after: 0, ms: 10 },
  { after: 1, ms: 0 },
  { after: 3, ms: 0 },
];

function suite(kind: "sqlite" | "postgres", make: () => Promise<Target & { fresh?: boolean }>) {
  let byMigration: Map<string, string[]>;
  const kills: { point: string; kill: Kill; unfinished: boolean }[] = [];

  beforeAll(async () => {
    byMigration = await tablesByMigration();
  });

  /** Each migration is wholly there with its bookkeeping row, or wholly absent. */
  async function expectWholeOrAbsent(target: Target): Promise<string[]> {
    const tables = new Set((await target.tables()).filter((t) => !BOOKKEEPING.has(t)));
    const done = await applied(target);
    for (const name of NAMES) {
      const own = byMigration.get(name) ?? [];
      const present = own.filter((t) => tables.has(t));
      const expected = done.includes(name) ? own : [];
      expect(present.sort(), `${kind}: tables of ${name} (applied: ${done.join(", ") || "none"})`).toEqual(
        [...expected].sort(),
      );
    }
    return done;
  }

  async function afterKill(target: Target, point: string, kill: Kill, users: number) {
    if (kind === "sqlite") {
      const rows = await target.query<{ integrity_check: string }>("pragma integrity_check");
      expect(rows[0]?.integrity_check).toBe("ok");
    }
    const done = await expectWholeOrAbsent(target);
    kills.push({ point, kill, unfinished: kill.killed && done.length < NAMES.length });
    const again = nous(["db", "migrate", "--db", target.url]);
    expect(again.stderr, `${kind}: nous db migrate after the kill`).toBe("");
    expect(again.code).toBe(0);
    expect(await applied(target)).toEqual(NAMES);
    const verify = nous(["audit", "verify", "--db", target.url]);
    expect(verify.stderr).toBe("");
    expect(verify.code).toBe(0);
    const n = await target.query<{ n: number | string }>("select count(*) as n from users");
    expect(Number(n[0]?.n)).toBe(users);
  }

  for (const p of POINTS) {
    const point = `${p.after} applied + ${p.ms} ms`;
    it(`a fresh store killed at ${point} opens and migrates`, async () => {
      const target = await make();
      try {
        const c = startNous(["db", "migrate", "--db", target.url]);
        const kill = await killWhen(c, target, async () => (await target.tables()).includes("kysely_migration") && (await applied(target)).length >= p.after, {
          afterMs: p.ms,
        });
        await afterKill(target, `fresh, ${point}`, kill, 0);
      } finally {
        await target.close();
      }
    });
  }

  for (const ms of [0, 2]) {
    it(`a store at ${NAMES[0]} with rows, killed ${ms} ms into the later migrations, keeps its rows`, async () => {
      const target = await make();
      try {
        await storeAtFirstMigration(target.url);
        const c = startNous(["db", "migrate", "--db", target.url]);
        const kill = await killWhen(c, target, () => target.writerActive(), { afterMs: ms });
        await afterKill(target, `prior rows, +${ms} ms`, kill, 1);
      } finally {
        await target.close();
      }
    });
  }

  it("at least one kill landed while the migration was under way", () => {
    const summary = kills.map((k) => `${k.point}: killed=${k.kill.killed} writing=${k.kill.writing} unfinished=${k.unfinished}`);
    console.log(`${kind} migration kills:\n  ${summary.join("\n  ")}`);
    expect(kills.filter((k) => k.unfinished).length, summary.join("; ")).toBeGreaterThan(0);
  });
}

afterAll(() => removeScratch());

describe("kill -9 during nous db migrate, SQLite", () => {
  suite("sqlite", async () => sqliteTarget(sqliteFile()));
});

describePg("kill -9 during nous db migrate, PostgreSQL", () => {
  suite("postgres", () => pgTarget());
});
