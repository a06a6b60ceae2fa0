/** The few places where SQLite and PostgreSQL differ, in one file. */
import { PostgresAdapter } from "kysely";

interface HasExecutor {
  getExecutor(): { adapter: unknown };
}

export function isPostgres(db: HasExecutor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column type for money in pence: 64-bit on both. */
export function moneyType(db: HasExecutor): "bigint" | "integer" {
  return isPostgres(db) ? "bigint" : "integer";
}
