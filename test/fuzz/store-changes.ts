/**
 * Which tables a request changed, told cheaply enough to ask after every fuzzed request, on
 * SQLite and on PostgreSQL. A cheap mark says whether anything may have been written; only when
 * it moved does a hash of the moved tables' rows say whether anything actually changed (a write
 * can leave the rows as they were: a statement rolled back, a row rewritten with its own values).
 *
 * - SQLite: one mark for the whole store, `total_changes()` of the server's own connection (the
 *   fuzz shares it); when it moved, every table is hashed here.
 * - PostgreSQL: one query gives, per table of `TABLES`, its row count and the newest `xmin` (the
 *   transaction that wrote a row version; every insert and update makes a new version, so an
 *   update in place moves it even when no audit entry is written and no count changes), and for
 *   `audit_head` its `seq` too (every stored write appends an audit entry). The moved tables are
 *   hashed by the server (md5 of their rows' text, sorted, so row order does not matter). Sound
 *   while requests come one at a time: every transaction of a request gets its id after the
 *   previous mark was taken, so its rows' `xmin` is newer than the newest one seen then.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import { TABLES } from "../../src/store/backup.ts";
import type { Store } from "../../src/store/db.ts";

/** Every table's state as of now; `changedSince` compares it with the previous one. */
export interface ChangeDetector {
  /**
   * The tables whose rows differ from the previous call (the first call's baseline is taken when
   * the detector is made), and the new state becomes the baseline.
   */
  changedSince(): Promise<string[]>;
}

/** Mark per table, or one mark under "*" for the whole store. */
type Marks = Map<string, string>;

interface Probe {
  marks(): Promise<Marks>;
  hashes(tables: readonly string[]): Promise<Map<string, string>>;
}

function sqliteProbe(store: Store): Probe {
  return {
    async marks() {
      const r = await sql<{ n: number }>`select total_changes() as n`.execute(store.db);
      return new Map([["*", String(r.rows[0]?.n ?? 0)]]);
    },
    async hashes(tables) {
      const out = new Map<string, string>();
      for (const t of tables as (typeof TABLES)[number][]) {
        const rows = await store.db.selectFrom(t).selectAll().execute();
        out.set(t, createHash("sha256").update(JSON.stringify(rows)).digest("hex"));
      }
      return out;
    },
  };
}

function postgresProbe(store: Store): Probe {
  const byTable = (tables: readonly string[], each: (t: string) => ReturnType<typeof sql>) =>
    sql.join(
      tables.map((t) => each(t)),
      sql` union all `,
    );
  const marks = byTable(TABLES, (t) => {
    const seq = t === "audit_head" ? sql` || ':' || coalesce(max(seq), 0)::text` : sql``;
    return sql`select ${sql.lit(t)} as t,
      count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text${seq} as m
      from ${sql.table(t)}`;
  });
  return {
    async marks() {
      const r = await sql<{ t: string; m: string }>`${marks}`.execute(store.db);
      return new Map(r.rows.map((x) => [x.t, x.m]));
    },
    async hashes(tables) {
      if (!tables.length) return new Map();
      const q = byTable(
        tables,
        (t) => sql`select ${sql.lit(t)} as t,
          coalesce(md5(string_agg(x::text, E'\n' order by x::text)), '') as h from ${sql.table(t)} x`,
      );
      const r = await sql<{ t: string; h: string }>`${q}`.execute(store.db);
      return new Map(r.rows.map((x) => [x.t, x.h]));
    },
  };
}

/** A detector for the store's kind, its baseline taken now. */
export async function changeDetector(store: Store): Promise<ChangeDetector> {
  const probe = store.kind === "postgres" ? postgresProbe(store) : sqliteProbe(store);
  let lastMarks = await probe.marks();
  const lastHashes = await probe.hashes(TABLES);
  return {
    async changedSince() {
      const now = await probe.marks();
      const moved = [...now].filter(([k, m]) => lastMarks.get(k) !== m).map(([k]) => k);
      lastMarks = now;
      if (!moved.length) return [];
      const tables = moved.includes("*") ? TABLES : moved;
      const changed: string[] = [];
      for (const [t, h] of await probe.hashes(tables)) {
        if (lastHashes.get(t) !== h) changed.push(t);
        lastHashes.set(t, h);
      }
      return changed;
    },
  };
}
