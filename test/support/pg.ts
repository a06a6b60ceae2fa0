/**
 * PostgreSQL helpers for tests.
 *
 * The global setup (test/support/global-setup.ts) starts one real PostgreSQL cluster per test run
 * and provides its admin URL. Each test file that needs PostgreSQL wraps its suite in `describePg`
 * and gets its own database from `createTestDatabase()`, so files running in parallel never see
 * each other's tables.
 *
 *   describePg("store on PostgreSQL", () => {
 *     let db: TestDatabase;
 *     beforeAll(async () => { db = await createTestDatabase(); });
 *     afterAll(async () => { await db.drop(); });
 *     it("...", async () => { ...connect to db.url... });
 *   });
 *
 * When PostgreSQL is not installed the suites are skipped, unless NOUS_REQUIRE_PG=1, in which
 * case the run fails in global setup before any test starts.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** Admin URL of the test run's PostgreSQL cluster; "" when PostgreSQL is unavailable. */
    nousPgUrl: string;
    /** Why PostgreSQL is unavailable ("" when it is available). */
    nousPgReason: string;
  }
}

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Name of the database. */
  name: string;
  /** Terminates every connection to the database (as a server restart would); returns how many. */
  terminate(): Promise<number>;
  /** Terminates every connection to the database and drops it. */
  drop(): Promise<void>;
}

function adminUrl(): string {
  let url: string | undefined;
  try {
    url = inject("nousPgUrl");
  } catch {
    // inject() throws outside a vitest worker; treat as unavailable.
    url = undefined;
  }
  return url ?? "";
}

/** True when the test run has a PostgreSQL server. */
export function pgAvailable(): boolean {
  return adminUrl() !== "";
}

/** `describe` when PostgreSQL is available, `describe.skip` otherwise. */
export const describePg: typeof describe = pgAvailable() ? describe : (describe.skip as typeof describe);

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Creates an empty database with a random name on the test run's PostgreSQL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = adminUrl();
  if (!admin) {
    let reason = "";
    try {
      reason = inject("nousPgReason") ?? "";
    } catch {
      reason = "not running under vitest with test/support/global-setup.ts";
    }
    throw new Error(
      `createTestDatabase: no PostgreSQL server for this test run${reason ? ` (${reason})` : ""}`,
    );
  }
  const name = `nous_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    name,
    terminate: () =>
      withAdmin(async (client) => {
        const r = await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name],
        );
        return r.rowCount ?? 0;
      }),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(async (client) => {
        await client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
          [name],
        );
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      });
    },
  };
}
