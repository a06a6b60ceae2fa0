/**
 * Store suites written once and run on each store kind: a suite takes a `StoreTarget` (where to
 * make a new, empty database) and calls `useSuiteStore` for its migrated store, seeded once and
 * dropped at the end.
 *
 *   export function fooStoreSuite(kind: string, target: StoreTarget): void {
 *     describe(`foo store on ${kind}`, () => {
 *       let store: Store;
 *       const { dir, create } = useSuiteStore(target, {
 *         seed: loadDemo,
 *         tempDir: "nous-foo-store-",
 *         opened: (s) => { store = s; },
 *       });
 *       it("...", async () => { ... });
 *     });
 *   }
 *
 *   fooStoreSuite("SQLite", sqliteTarget("nous-foo-sqlite-"));                 // sqlite.test.ts
 *   describePg("PostgreSQL", () => fooStoreSuite("PostgreSQL", pgTarget));     // postgres.test.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { createTestDatabase } from "./pg.ts";

export interface TargetDatabase {
  url: string;
  drop(): Promise<void>;
}

export interface StoreTarget {
  /** Returns the URL of a new, empty database. */
  create(): Promise<TargetDatabase>;
}

/** A new SQLite file in its own temp folder per database. */
export function sqliteTarget(prefix: string): StoreTarget {
  return {
    async create() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      return { url: join(dir, "nous.db"), drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  };
}

/** A new database on the test run's PostgreSQL server (use inside `describePg`). */
export const pgTarget: StoreTarget = { create: () => createTestDatabase() };

export interface SuiteStoreOptions {
  /** Runs once on the new store before the suite's tests (e.g. `loadDemo`). */
  seed?: (store: Store) => Promise<unknown>;
  /** Prefix of a temp folder for the suite's files, deleted after the suite; none without it. */
  tempDir?: string;
  /** Receives the store once it is open and seeded. */
  opened: (store: Store) => void;
}

export interface SuiteStore {
  /** The suite's temp folder ("" without `tempDir`). */
  dir: string;
  /** Another new database of the same kind, dropped after the suite. */
  create(): Promise<TargetDatabase>;
}

/**
 * Registers beforeAll/afterAll in the calling `describe`: a new database from `target`,
 * migrated and seeded, closed and dropped after the tests with every database made by `create`.
 */
export function useSuiteStore(target: StoreTarget, options: SuiteStoreOptions): SuiteStore {
  const drops: (() => Promise<void>)[] = [];
  const dir = options.tempDir ? mkdtempSync(join(tmpdir(), options.tempDir)) : "";
  let store: Store | undefined;
  const create = async (): Promise<TargetDatabase> => {
    const db = await target.create();
    drops.push(db.drop);
    return db;
  };
  beforeAll(async () => {
    const db = await create();
    store = await openMigrated(db.url);
    await options.seed?.(store);
    options.opened(store);
  });
  afterAll(async () => {
    await store?.close();
    for (const drop of drops) await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { dir, create };
}
