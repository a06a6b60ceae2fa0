/**
 * Shared parts of the kill -9 tests: a store to break (a SQLite file or a fresh PostgreSQL
 * database), the real CLI as a child process, a probe that tells from a second connection whether
 * that child holds an open write transaction right now, and a killer that sends SIGKILL when a
 * chosen moment is reached. Each kill records whether it landed mid-write, so a test can show that
 * at least one did (a kill after the write finished proves nothing).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { createTestDatabase } from "../support/pg.ts";

/** Every child the tests start tags its PostgreSQL connections with this name. */
export const APP_NAME = "nous-fault-child";

export type Kind = "sqlite" | "postgres";

/** Where a test's data lives, and a second connection that looks at it from outside the child. */
export interface Target {
  kind: Kind;
  /** What `--db` gets. */
  url: string;
  /** True while another connection (the child) holds an open transaction that has written. */
  writerActive(): Promise<boolean>;
  /** Runs a read query on a second connection; rows as plain objects. */
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** Table names in the store. */
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

// Test files share their worker's modules (test/support/README.md): the folder is made when a
// file first asks for it and forgotten when that file removes it, so the next file gets its own.
let scratch: string | null = null;
let seq = 0;

/** The scratch folder this test file's stores and inputs live in (removed by removeScratch). */
export function scratchDir(): string {
  scratch ??= mkdtempSync(join(tmpdir(), "nous-fault-"));
  return scratch;
}

export function removeScratch(): void {
  if (scratch !== null) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
}

/** A new SQLite file path in the scratch folder; when `from` is given, a copy of that file. */
export function sqliteFile(from?: string): string {
  const file = join(scratchDir(), `store-${++seq}.db`);
  if (from) copyFileSync(from, file);
  return file;
}

export function sqliteTarget(file: string): Target {
  // The write probe must not wait (a busy answer is the signal); readers wait out a brief lock
  // (a checkpoint, or the child switching the file to WAL).
  const open = (timeout = 5000): SQLite.Database | null => {
    try {
      // Never create the file: a migration test watches a store that does not exist yet.
      return new SQLite(file, { fileMustExist: true, timeout });
    } catch {
      return null;
    }
  };
  return {
    kind: "sqlite",
    url: file,
    async writerActive() {
      if (!existsSync(file)) return false;
      const db = open(0);
      if (!db) return false;
      try {
        // Only one connection may hold SQLite's write lock; a busy answer means the child has it.
        db.exec("BEGIN IMMEDIATE");
        db.exec("ROLLBACK");
        return false;
      } catch (e) {
        if ((e as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
        throw e;
      } finally {
        db.close();
      }
    },
    async query<T>(text: string) {
      const db = open();
      if (!db) return [] as T[];
      try {
        return db.prepare(text).all() as T[];
      } finally {
        db.close();
      }
    },
    async tables() {
      const rows = await this.query<{ name: string }>(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
      );
      return rows.map((r) => r.name);
    },
    async close() {},
  };
}

/** A fresh database on the test run's PostgreSQL cluster, with a watching connection. */
export async function pgTarget(): Promise<Target & { drop(): Promise<void> }> {
  const db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  return {
    kind: "postgres",
    url: db.url,
    async writerActive() {
      // backend_xid is set once a transaction has written something, and cleared when it ends.
      const r = await client.query(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and application_name = $1 and backend_xid is not null",
        [APP_NAME],
      );
      return (r.rows[0] as { n: number }).n > 0;
    },
    async query<T>(text: string) {
      return (await client.query(text)).rows as T[];
    },
    async tables() {
      const r = await client.query<{ name: string }>(
        "select table_name as name from information_schema.tables where table_schema = 'public'",
      );
      return r.rows.map((x) => x.name);
    },
    async close() {
      await client.end();
      await db.drop();
    },
    drop: () => db.drop(),
  };
}

export interface Child {
  child: ChildProcess;
  /** What the child has written to stderr so far. */
  stderr(): string;
  exited: Promise<void>;
}

/** Starts `node bin/nous.js ARGS` as a real process, its PostgreSQL connections tagged. */
export function startNous(args: string[]): Child {
  const child = spawn(process.execPath, ["bin/nous.js", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PGAPPNAME: APP_NAME, NOUS_QUIET: "" },
  });
  let err = "";
  child.stderr!.on("data", (b: Buffer) => {
    err += b.toString();
  });
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, stderr: () => err, exited };
}

/** Runs `node bin/nous.js ARGS` to the end. */
export function nous(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ["bin/nous.js", ...args], {
    encoding: "utf8",
    env: { ...process.env, NOUS_QUIET: "1" },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Kill {
  /** False when the child finished before the moment came (nothing was interrupted). */
  killed: boolean;
  /** The child held an open write transaction at the last look before the kill. */
  writing: boolean;
  /** The child's stderr up to the kill. */
  stderr: string;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * True once the child has held a write transaction on two looks a few milliseconds apart. One
 * busy answer can be a moment's lock that is not the write under test (SQLite takes one while a
 * connection opens a WAL file); the write under test lasts far longer.
 */
export function writingNow(target: Target): () => Promise<boolean> {
  return async () => {
    if (!(await target.writerActive())) return false;
    await pause(3);
    return target.writerActive();
  };
}

/**
 * Waits until `ready()` says the moment has come (polled every millisecond or so), waits
 * `afterMs` more, looks once more whether the child is writing, and kills it with SIGKILL.
 */
export async function killWhen(
  c: Child,
  target: Target,
  ready: () => Promise<boolean> | boolean,
  opts: { afterMs?: number; timeoutMs?: number } = {},
): Promise<Kill> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  const alive = () => c.child.exitCode === null && c.child.signalCode === null;
  while (alive() && Date.now() < deadline && !(await ready())) await pause(1);
  if (!alive()) return { killed: false, writing: false, stderr: c.stderr() };
  if (opts.afterMs) await pause(opts.afterMs);
  const writing = alive() && (await target.writerActive());
  const killed = alive();
  c.child.kill("SIGKILL");
  await c.exited;
  return { killed, writing, stderr: c.stderr() };
}
