/**
 * Throttling of password sign-in per name signed in with, kept in the store so a restart does
 * not clear it. The first failures are free; then each attempt waits longer after the last
 * failure (doubling), and after too many the name is locked until an administrator unlocks it
 * (audited). Unknown names are throttled exactly like accounts, so no answer tells whether an
 * account exists. Each attempt is counted as a failure before its password is checked (and the
 * count is cleared when it turns out right), so attempts made at the same moment cannot slip
 * past the limit together.
 */
import { ConflictError, NotFoundError } from "../shared/errors.ts";
import { appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import { isPostgres } from "./dialect.ts";

/** Failed sign-ins a name may have before each further attempt must wait. */
export const FREE_FAILURES = 5;
/** The wait after the first failure beyond the free ones; it doubles with each failure after. */
export const FIRST_DELAY_SECONDS = 30;
/** Failed sign-ins that lock the name until an administrator unlocks it. */
export const LOCK_FAILURES = 10;
/** A name with no failure for this long starts again from nothing (unless it is locked). */
export const FAILURES_FORGOTTEN_AFTER_HOURS = 24;

export type Admission =
  /** The attempt may check its password; it is already counted as a failure. */
  | { kind: "go"; failures: number }
  /** Too soon after the last failure: retry after this many seconds. */
  | { kind: "wait"; retryAfterSeconds: number }
  | { kind: "locked" };

/** The wait before the next attempt, in seconds, once a name has `failures` failures. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return FIRST_DELAY_SECONDS * 2 ** (failures - FREE_FAILURES);
}

/** Decides whether a sign-in attempt for `username` may check its password, and counts it. */
export async function admitSignIn(store: Store, username: string, now: Date): Promise<Admission> {
  return store.db.transaction().execute(async (trx) => {
    // One statement creates the name's row or locks the one there and returns it. An insert that
    // did nothing followed by SELECT ... FOR UPDATE raced another attempt's success on PostgreSQL:
    // its delete could land in between, the select found no row, and the sign-in answered 500.
    const row = await trx
      .insertInto("sign_in_throttle")
      .values({ username, failures: 0, last_failure_at: null, locked_at: null })
      .onConflict((oc) =>
        oc.column("username").doUpdateSet((eb) => ({ username: eb.ref("excluded.username") })),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    if (row.locked_at) return { kind: "locked" } as const;
    let failures = row.failures;
    const last = row.last_failure_at ? Date.parse(row.last_failure_at) : undefined;
    if (last !== undefined && now.getTime() - last > FAILURES_FORGOTTEN_AFTER_HOURS * 3_600_000) failures = 0;
    if (last !== undefined && failures >= FREE_FAILURES) {
      const waitMs = last + delaySeconds(failures) * 1000 - now.getTime();
      if (waitMs > 0) return { kind: "wait", retryAfterSeconds: Math.ceil(waitMs / 1000) } as const;
    }
    await trx
      .updateTable("sign_in_throttle")
      .set({ failures: failures + 1, last_failure_at: now.toISOString() })
      .where("username", "=", username)
      .execute();
    return { kind: "go", failures: failures + 1 } as const;
  });
}

/** The password was right: the name's failures are forgotten. */
export async function signInSucceeded(store: Store, username: string): Promise<void> {
  await store.db.deleteFrom("sign_in_throttle").where("username", "=", username).execute();
}

/**
 * The password was wrong (the failure is already counted). Locks the name once it has
 * `LOCK_FAILURES` failures; the lock of an account is audited. Returns whether it is now locked.
 */
export async function signInFailed(
  store: Store,
  username: string,
  now: Date,
  isAccount: boolean,
): Promise<boolean> {
  return store.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable("sign_in_throttle")
      .set({ locked_at: now.toISOString() })
      .where("username", "=", username)
      .where("failures", ">=", LOCK_FAILURES)
      .where("locked_at", "is", null)
      .executeTakeFirst();
    const locked = Number(r.numUpdatedRows) > 0;
    if (locked && isAccount)
      await appendAudit(trx, {
        actor: "nous",
        action: "lock",
        entity: "user",
        entityId: username,
        reason: `locked after ${LOCK_FAILURES} failed sign-ins`,
        data: { username, failures: LOCK_FAILURES },
      });
    return locked;
  });
}

/** When each locked account was locked, by username. */
export async function lockedAccounts(store: Store): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom("sign_in_throttle")
    .innerJoin("users", "users.username", "sign_in_throttle.username")
    .select(["sign_in_throttle.username", "sign_in_throttle.locked_at"])
    .where("sign_in_throttle.locked_at", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.username, r.locked_at as string]));
}

/**
 * An administrator lifts an account's lock (and forgets its failures), with a reason kept in
 * the audit trail. Refused when the account is not locked.
 */
export async function unlockAccount(
  store: Store,
  username: string,
  actor: string,
  reason: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom("users")
      .select("id")
      .where("username", "=", username)
      .executeTakeFirst();
    if (!user) throw new NotFoundError("user", username);
    let q = trx.selectFrom("sign_in_throttle").selectAll().where("username", "=", username);
    if (isPostgres(trx)) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row?.locked_at) throw new ConflictError(`${username} is not locked`);
    await trx.deleteFrom("sign_in_throttle").where("username", "=", username).execute();
    await appendAudit(trx, {
      actor,
      action: "unlock",
      entity: "user",
      entityId: username,
      reason,
      data: { username, lockedAt: row.locked_at, failures: row.failures },
    });
  });
}
