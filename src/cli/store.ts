/** The database a CLI command works on: `--db`, else $NOUS_DATABASE_URL, else ./data/nous.db. */
import type { Store } from "../store/db.ts";

export const DB_HELP =
  "database: a SQLite file path or postgres://... (default: $NOUS_DATABASE_URL or ./data/nous.db)";

/**
 * Opens the store (migrated to the latest schema), runs `fn`, and closes the store. The store
 * module (Kysely and the database drivers) loads here, not when the commands are declared.
 */
export async function withStore<T>(dbFlag: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openMigrated, resolveDatabaseUrl } = await import("../store/db.ts");
  const store = await openMigrated(resolveDatabaseUrl(dbFlag));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
