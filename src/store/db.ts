/**
 * Opens the store: embedded SQLite by default, PostgreSQL when given a postgres:// URL.
 * Both run the same migrations and answer the same queries.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import { createRequire } from "node:module";
import type PgModule from "pg";
import { InputError } from "../shared/errors.ts";
import { migrations } from "./migrations/index.ts";
import { migrateUp } from "./migrations/runner.ts";
import type { Database } from "./schema.ts";

export const DEFAULT_SQLITE_PATH = "./data/nous.db";

let pgModule: typeof PgModule | null = null;
/** The PostgreSQL driver, loaded the first time a postgres:// store is opened (SQLite runs never load it). */
function pgDriver(): typeof PgModule {
  if (pgModule === null) {
    pgModule = createRequire(import.meta.url)("pg") as typeof PgModule;
    // Money columns are bigint on PostgreSQL; pence fit well inside 2^53, so read them as numbers.
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  }
  return pgModule;
}

export interface Store {
  db: Kysely<Database>;
  kind: "sqlite" | "postgres";
  /** Where the data lives: a file path or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

/** Resolves `--db`, then NOUS_DATABASE_URL, then the default SQLite file. */
export function resolveDatabaseUrl(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.NOUS_DATABASE_URL ?? DEFAULT_SQLITE_PATH;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

export function openStore(url: string): Store {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const pool = new (pgDriver().Pool)({ connectionString: url, max: 10 });
    // An idle pooled connection that the server drops (a restart, an administrator's
    // pg_terminate_backend, a network cut) makes the pool emit "error"; unhandled, that would end
    // the whole process. The pool has already discarded the connection and opens a new one on the
    // next query, so say so and go on.
    pool.on("error", (error) => {
      console.error(`nous: a pooled PostgreSQL connection was lost (${error.message}); it will be replaced`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", location: redact(url), close: () => db.destroy() };
  }
  const path = url.startsWith("sqlite:") ? url.slice("sqlite:".length) : url;
  if (/^[a-z]+:\/\//i.test(path)) {
    throw new InputError(
      `unsupported database URL "${redact(url)}": expected postgres://... or a SQLite file path`,
    );
  }
  const file = path === ":memory:" ? path : resolve(path);
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL keeps readers going during a write and makes a crash mid-write leave the last commit intact.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, kind: "sqlite", location: file, close: () => db.destroy() };
}

/**
 * Brings the schema up to date; returns the names of the migrations applied now. Each migration
 * commits with its bookkeeping row or not at all (see migrations/runner.ts), so a crash part-way
 * leaves a store the next call finishes.
 */
export async function migrate(store: Store): Promise<string[]> {
  return migrateUp(store.db, store.kind, migrations);
}

export async function openMigrated(url: string): Promise<Store> {
  const store = openStore(url);
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
