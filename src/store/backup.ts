/**
 * Portable backups: every table as JSON Lines, the same format from SQLite and PostgreSQL, so a
 * backup taken from one restores into the other. A backup reads one consistent snapshot (one read
 * transaction) and streams it a page at a time, so it can run while the server writes and never
 * holds a whole table in memory. A restore is one transaction and checks the audit chain before
 * it commits: a tampered backup is refused and the database is left as it was.
 */
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { type Kysely, sql } from "kysely";
import { isPostgres } from "./dialect.ts";
import { ConflictError, InputError } from "../shared/errors.ts";
import { verifyEntries } from "./audit.ts";
import type { Store } from "./db.ts";
import { migrations } from "./migrations/index.ts";
import { migrateDownAllIn, migrateUpIn, withMigrationLock } from "./migrations/runner.ts";
import type { AuditEntry, Database } from "./schema.ts";
import { DECIDE_TABLES } from "./decide-schema.ts";
import { DECIDE_VERSION_TABLES } from "./decide-drafts-schema.ts";
import { BILLING_TABLES } from "./billing-schema.ts";
import { CONTRACT_EVENTS_TABLES } from "./manage-schema.ts";
import { PERFORMANCE_TABLES } from "./manage-performance-schema.ts";
import { PORTAL_TABLES } from "./portal-schema.ts";
import { CONTRACT_TERMS_TABLES } from "./manage-dates-schema.ts";
import { VALUE_TABLES } from "./manage-value-schema.ts";
import { PAYMENT_TABLES } from "./manage-payment-schema.ts";

/** The foundation's tables in an order that satisfies foreign keys on restore. */
const CORE_TABLES: (keyof Database)[] = [
  "users",
  "sessions",
  "api_tokens",
  "audit_head",
  "audit_log",
  "organisations",
  "waves",
  "services",
  "contracts",
  "decisions",
  "elections",
  "releases",
];

/** Every table, in restore order. A capability appends its own list (parents before children). */
export const TABLES: (keyof Database)[] = [...CORE_TABLES, ...DECIDE_TABLES, ...BILLING_TABLES, ...CONTRACT_EVENTS_TABLES, ...PERFORMANCE_TABLES, "sign_in_throttle", ...PORTAL_TABLES, ...CONTRACT_TERMS_TABLES, ...DECIDE_VERSION_TABLES, ...VALUE_TABLES, ...PAYMENT_TABLES];

const FORMAT = "nous-backup";

/** Rows read per query while streaming a table. */
const PAGE_ROWS = 1000;

/** The key a page of rows is read by: SQLite's rowid, PostgreSQL's tuple id (stable within a snapshot). */
const PAGE_KEY = "__nous_page_key";

// biome-ignore lint/suspicious/noExplicitAny: the backup reads every table of the schema alike
type AnyDb = Kysely<any>;

/** Yields a table's rows page by page, in storage order, inside the caller's read transaction. */
async function* tableRows(db: AnyDb, kind: Store["kind"], table: string): AsyncGenerator<Record<string, unknown>> {
  let after: string | number | null = null;
  for (;;) {
    const t = sql.table(table);
    const page: Record<string, unknown>[] =
      kind === "postgres"
        ? (
            await sql<Record<string, unknown>>`select *, ctid::text as ${sql.ref(PAGE_KEY)} from ${t}
              where ${after === null ? sql`true` : sql`ctid > ${after}::tid`} order by ctid limit ${PAGE_ROWS}`.execute(db)
          ).rows
        : (
            await sql<Record<string, unknown>>`select *, rowid as ${sql.ref(PAGE_KEY)} from ${t}
              where rowid > ${after ?? -1} order by rowid limit ${PAGE_ROWS}`.execute(db)
          ).rows;
    for (const row of page) {
      after = row[PAGE_KEY] as string | number;
      delete row[PAGE_KEY];
      yield row;
    }
    if (page.length < PAGE_ROWS) return;
  }
}

/**
 * Runs `body` inside one read transaction: a snapshot of the whole store as of its first read.
 * PostgreSQL: REPEATABLE READ, READ ONLY. SQLite (WAL): a deferred transaction keeps reading the
 * snapshot it started on while other connections commit.
 */
async function inSnapshot<T>(store: Store, body: (db: AnyDb) => Promise<T>): Promise<T> {
  if (store.kind === "postgres") {
    return store.db
      .transaction()
      .setIsolationLevel("repeatable read")
      .setAccessMode("read only")
      .execute((trx) => body(trx));
  }
  return store.db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      return await body(conn);
    } finally {
      await sql`rollback`.execute(conn).catch(() => undefined);
    }
  });
}

/**
 * Writes the whole store to `file`. The file appears only when complete: rows go to a
 * `.partial` file renamed at the end, so a crash or full disk never leaves a backup that looks whole.
 */
export async function backup(store: Store, file: string): Promise<Record<string, number>> {
  const partial = `${file}.partial`;
  const out = createWriteStream(partial, { encoding: "utf8" });
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  const counts: Record<string, number> = {};
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await Promise.race([once(out, "drain"), failed]);
  };
  try {
    await inSnapshot(store, async (db) => {
      await write(
        JSON.stringify({
          format: FORMAT,
          version: 1,
          migrations: Object.keys(migrations),
          takenAt: new Date().toISOString(),
        }),
      );
      for (const table of TABLES) {
        let n = 0;
        for await (const row of tableRows(db, store.kind, table)) {
          await write(JSON.stringify({ t: table, r: row }));
          n++;
        }
        counts[table] = n;
      }
    });
    out.end();
    await Promise.race([once(out, "finish"), failed]);
    renameSync(partial, file);
  } catch (err) {
    out.destroy();
    rmSync(partial, { force: true });
    throw err;
  }
  return counts;
}

/** Drops every table and re-creates the schema, in the given transaction. */
async function wipeIn(trx: AnyDb): Promise<void> {
  await migrateDownAllIn(trx, migrations);
  await migrateUpIn(trx, migrations);
}

/** Drops every table and re-creates the schema: a fresh, empty database, or unchanged on failure. */
export async function wipe(store: Store): Promise<void> {
  await withMigrationLock(store.db, store.kind, wipeIn);
}

async function isEmpty(store: Store): Promise<boolean> {
  for (const t of ["users", "services", "contracts", "releases", "audit_log"] as const) {
    if (await store.db.selectFrom(t).selectAll().limit(1).executeTakeFirst()) return false;
  }
  return true;
}

export async function restore(
  store: Store,
  file: string,
  opts: { force?: boolean } = {},
): Promise<Record<string, number>> {
  if (!opts.force && !(await isEmpty(store))) {
    throw new ConflictError(
      "the database already holds data: restore into an empty database, or pass --force to replace it",
    );
  }
  const byTable = new Map<string, Record<string, unknown>[]>();
  const rl = createInterface({
    input: createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: { format?: string; t?: string; r?: Record<string, unknown> };
    try {
      obj = JSON.parse(line) as typeof obj;
    } catch (e) {
      throw new InputError(`not valid JSON: ${(e as Error).message}`, { location: { file, line: lineNo } });
    }
    if (lineNo === 1) {
      if (obj.format !== FORMAT)
        throw new InputError(`expected a ${FORMAT} header line`, { location: { file, line: 1 } });
      continue;
    }
    if (!obj.t || !TABLES.includes(obj.t as keyof Database) || typeof obj.r !== "object" || obj.r === null) {
      throw new InputError(`expected {"t": <table>, "r": <row>} with a known table`, {
        location: { file, line: lineNo },
      });
    }
    const list = byTable.get(obj.t) ?? [];
    list.push(obj.r);
    byTable.set(obj.t, list);
  }
  if (lineNo === 0) throw new InputError("the backup file is empty", { location: { file } });

  const audit = (byTable.get("audit_log") ?? []) as unknown as AuditEntry[];
  audit.sort((a, b) => a.seq - b.seq);
  const head = byTable.get("audit_head")?.[0] as { seq: number; hash: string } | undefined;
  const check = verifyEntries(audit, head);
  if (!check.ok) {
    throw new InputError(
      `the backup's audit chain is broken at entry ${check.broken?.seq}: ${check.broken?.reason}`,
      { location: { file } },
    );
  }

  const counts: Record<string, number> = {};
  // One transaction: with --force the wipe and the rows commit together, so a failure (or a
  // crash) part-way leaves the database as it was, never empty.
  await withMigrationLock(store.db, store.kind, async (trx) => {
    if (opts.force) await wipeIn(trx);
    await trx.deleteFrom("audit_head").execute();
    for (const table of TABLES) {
      const rows = byTable.get(table) ?? [];
      counts[table] = rows.length;
      for (let i = 0; i < rows.length; i += 100) {
        // biome-ignore lint/suspicious/noExplicitAny: rows come from a backup of this very schema, checked table by table
        const chunk = rows.slice(i, i + 100) as any;
        await trx.insertInto(table).values(chunk).execute();
      }
    }
    if (!byTable.get("audit_head")?.length)
      await trx.insertInto("audit_head").values({ id: 1, seq: 0, hash: "" }).execute();
    if (isPostgres(trx)) {
      // Rows came with their ids; move the id sequence past them.
      await sql`select setval(pg_get_serial_sequence('users', 'id'), coalesce((select max(id) from users), 0) + 1, false)`.execute(
        trx,
      );
    }
  });
  return counts;
}
