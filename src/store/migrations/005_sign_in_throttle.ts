/**
 * Sign-in throttling that survives a restart: per name signed in with, the failed attempts
 * since the last success, when the last one was, and when the name was locked (an
 * administrator lifts a lock). Keyed by the name as typed, known account or not, so the
 * answers never tell whether an account exists.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("username", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_failure_at", "text")
    .addColumn("locked_at", "text")
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable("sign_in_throttle").execute();
}
