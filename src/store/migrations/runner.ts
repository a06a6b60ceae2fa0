/**
 * Runs the schema migrations so that a crash at any moment leaves a store that opens: each
 * migration and the row recording it commit together in one transaction, or neither does.
 *
 * Kysely's own migrator runs each migration outside a transaction on SQLite (its SQLite adapter
 * reports no transactional DDL), so a kill between `create table` and the bookkeeping row left a
 * file that every later `nous db migrate` refused ("table users already exists"). SQLite and
 * PostgreSQL both roll DDL back with the transaction, so this runner wraps every step in one.
 * Two migrators at once are serialised: on SQLite by taking the write lock at BEGIN (BEGIN
 * IMMEDIATE), on PostgreSQL by a transaction-scoped advisory lock; each re-reads what is applied
 * after it holds the lock, so a migration never runs twice.
 *
 * The bookkeeping table is the one Kysely used (`kysely_migration`, name and timestamp), so
 * stores migrated by earlier versions of nous carry on, and readiness reads the same rows.
 */
import { type Kysely, type Migration, sql, type Transaction } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database before its types exist
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above, inside a transaction
type AnyTrx = Transaction<any>;

/** The table recording applied migrations: one row per migration, by name. */
export const MIGRATION_TABLE = "kysely_migration";

/** An arbitrary constant naming nous's migration lock among PostgreSQL advisory locks. */
const PG_LOCK_KEY = 7_303_010_551;

export type Dialect = "sqlite" | "postgres";

/** A migration that failed, named, with the store left as it was before that migration. */
export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown,
  ) {
    super(`migration ${migration} failed: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = "MigrationError";
  }
}

/**
 * Runs `body` in one write transaction that holds the migration lock (migrations, wipe and
 * restore use it). On SQLite the write lock is taken at BEGIN, so a second process waits (busy
 * timeout) instead of failing part-way.
 */
export async function withMigrationLock<T>(db: AnyDb, dialect: Dialect, body: (trx: AnyDb) => Promise<T>): Promise<T> {
  if (dialect === "postgres") {
    return db.transaction().execute(async (trx: AnyTrx) => {
      await sql`select pg_advisory_xact_lock(${PG_LOCK_KEY})`.execute(trx);
      return body(trx);
    });
  }
  // Kysely's SQLite driver serves one connection; holding it, BEGIN IMMEDIATE and COMMIT are ours.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const out = await body(conn);
      await sql`commit`.execute(conn);
      return out;
    } catch (err) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

/** Runs one migration's `up` and records it, in the caller's transaction. */
async function applyOne(trx: AnyDb, name: string, migration: Migration, now: () => string): Promise<void> {
  try {
    await migration.up(trx);
  } catch (err) {
    throw new MigrationError(name, err);
  }
  await trx.insertInto(MIGRATION_TABLE).values({ name, timestamp: now() }).execute();
}

async function ensureTable(db: AnyDb): Promise<void> {
  await db.schema
    .createTable(MIGRATION_TABLE)
    .ifNotExists()
    .addColumn("name", "varchar(255)", (c) => c.notNull().primaryKey())
    .addColumn("timestamp", "varchar(255)", (c) => c.notNull())
    .execute();
}

async function appliedIn(db: AnyDb): Promise<string[]> {
  const rows = (await db.selectFrom(MIGRATION_TABLE).select("name").execute()) as { name: string }[];
  return rows.map((r) => r.name).sort();
}

/** Refuses a store whose applied migrations are not a prefix of the code's: a newer or forked store. */
function checkKnown(applied: string[], names: string[]): void {
  const unknown = applied.filter((n) => !names.includes(n));
  if (unknown.length > 0) {
    throw new Error(
      `the store has migrations this nous does not know (${unknown.join(", ")}): it was migrated by a newer version`,
    );
  }
  const gap = names.slice(0, applied.length).find((n, i) => n !== applied[i]);
  if (gap) {
    throw new Error(`the store skipped migration ${gap}: its applied migrations are not in order`);
  }
}

/**
 * Applies every pending migration in name order, each in its own transaction with its row.
 * Returns the names applied by this call. `now` stamps the rows (the caller's clock).
 */
export async function migrateUp(
  db: AnyDb,
  dialect: Dialect,
  migrations: Record<string, Migration>,
  now: () => string = () => new Date().toISOString(),
): Promise<string[]> {
  const names = Object.keys(migrations).sort();
  // An up-to-date store, the usual case at every start, is told by one read: no write lock is
  // taken, so starting a command never blocks (or is blocked by) a writer.
  const current = await appliedIn(db).catch(() => null);
  if (current) {
    checkKnown(current, names);
    if (names.every((n) => current.includes(n))) return [];
  }
  await withMigrationLock(db, dialect, ensureTable);
  const done: string[] = [];
  for (const name of names) {
    const ran = await withMigrationLock(db, dialect, async (trx) => {
      const applied = await appliedIn(trx);
      checkKnown(applied, names);
      if (applied.includes(name)) return false;
      await applyOne(trx, name, migrations[name]!, now);
      return true;
    });
    if (ran) done.push(name);
  }
  return done;
}

/**
 * Runs every applied migration's `down` in reverse order and removes its row, all inside the
 * given transaction (the caller's): an empty schema, or nothing changed if it fails.
 */
export async function migrateDownAllIn(trx: AnyDb, migrations: Record<string, Migration>): Promise<void> {
  await ensureTable(trx);
  const applied = await appliedIn(trx);
  checkKnown(applied, Object.keys(migrations).sort());
  for (const name of [...applied].reverse()) {
    const m = migrations[name]!;
    if (!m.down) throw new MigrationError(name, new Error("it has no down step"));
    try {
      await m.down(trx);
    } catch (err) {
      throw new MigrationError(name, err);
    }
    await trx.deleteFrom(MIGRATION_TABLE).where("name", "=", name).execute();
  }
}

/** Applies every pending migration inside the given transaction (the caller's). */
export async function migrateUpIn(
  trx: AnyDb,
  migrations: Record<string, Migration>,
  now: () => string = () => new Date().toISOString(),
): Promise<void> {
  const names = Object.keys(migrations).sort();
  await ensureTable(trx);
  const applied = await appliedIn(trx);
  checkKnown(applied, names);
  for (const name of names) {
    if (!applied.includes(name)) await applyOne(trx, name, migrations[name]!, now);
  }
}

