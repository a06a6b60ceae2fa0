/**
 * Is the store ready to serve? A load balancer or orchestrator asks this before sending traffic:
 * the store must answer a query, and its schema must be exactly the one this version of nous
 * migrates to (a store behind the code, or migrated by a newer nous, would give wrong answers or
 * 500s). The check never writes and is bounded in time, so a hung network cannot pile up probes.
 */
import { sql } from "kysely";
import type { Store } from "./db.ts";
import { migrations } from "./migrations/index.ts";

/** Kysely's bookkeeping table: one row per applied migration. */
const MIGRATION_TABLE = "kysely_migration";
export const READINESS_TIMEOUT_MS = 3000;

export type Readiness =
  | { ready: true; store: Store["kind"]; migration: string }
  | {
      ready: false;
      store: Store["kind"];
      problem: "store_unreachable" | "migrations_pending" | "migrations_unknown";
      /** Plain words for the operator; never the connection string or the driver's message. */
      detail: string;
      /** The latest migration this code has and the latest the store has applied ("" for none). */
      expected?: string;
      applied?: string;
      /** The underlying error, for the server's log only (it may name hosts and databases). */
      cause?: unknown;
    };

/** The names of the migrations the code knows, in the order they run. */
export function codeMigrations(): string[] {
  return Object.keys(migrations).sort();
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[A-Z0-9_]{1,32}$/.test(code) ? ` (${code})` : "";
}

/** Checks that the store answers and that its applied migrations are exactly the code's. */
export async function checkReadiness(store: Store, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const kind = store.kind;
  try {
    await withTimeout(sql`select 1 as one`.execute(store.db), timeoutMs);
  } catch (cause) {
    return {
      ready: false,
      store: kind,
      problem: "store_unreachable",
      detail: `the ${kind} store did not answer a query${errorCode(cause)}`,
      cause,
    };
  }
  const expected = codeMigrations();
  const latest = expected[expected.length - 1] ?? "";
  let applied: string[];
  try {
    const rows = await withTimeout(
      sql<{ name: string }>`select name from ${sql.table(MIGRATION_TABLE)}`.execute(store.db),
      timeoutMs,
    );
    applied = rows.rows.map((r) => r.name).sort();
  } catch (cause) {
    // The store answered `select 1`, so a failure here means the bookkeeping table is missing:
    // nothing has been migrated.
    return {
      ready: false,
      store: kind,
      problem: "migrations_pending",
      detail: `the store has no migrations applied; this nous expects ${latest}: run \`nous db migrate\``,
      expected: latest,
      applied: "",
      cause,
    };
  }
  const last = applied[applied.length - 1] ?? "";
  const unknown = applied.filter((n) => !expected.includes(n));
  if (unknown.length > 0) {
    return {
      ready: false,
      store: kind,
      problem: "migrations_unknown",
      detail: `the store has migrations this nous does not know (${unknown.join(", ")}): it was migrated by a newer version`,
      expected: latest,
      applied: last,
    };
  }
  const pending = expected.filter((n) => !applied.includes(n));
  if (pending.length > 0) {
    return {
      ready: false,
      store: kind,
      problem: "migrations_pending",
      detail: `the store's schema is at ${last || "no migration"}; this nous expects ${latest} (${pending.length} pending): run \`nous db migrate\``,
      expected: latest,
      applied: last,
    };
  }
  return { ready: true, store: kind, migration: latest };
}
