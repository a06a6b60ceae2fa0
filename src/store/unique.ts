/**
 * A record whose id the caller chooses (a contract, a service, a decision...) may collide with one
 * that exists. The database's own unique key is the check: its violation, as either driver reports
 * it, becomes a 409 naming the id. A look-up before the insert would leave a gap in which two
 * requests for one new id both pass it; the key has no such gap.
 */
import { InputError } from "../shared/errors.ts";

/** A caller-chosen id that is already taken: a 409 `duplicate_id` naming it. */
export class DuplicateIdError extends InputError {
  constructor(what: string, id: string, cause?: unknown) {
    super(`${/^[aeiou]/i.test(what) ? "an" : "a"} ${what} with id "${id}" already exists`, {
      code: "duplicate_id",
      status: 409,
      details: { id },
      cause,
    });
    this.name = "DuplicateIdError";
  }
}

/**
 * True when `err` is a unique or primary-key violation: better-sqlite3's SQLITE_CONSTRAINT_UNIQUE
 * or SQLITE_CONSTRAINT_PRIMARYKEY, or PostgreSQL's SQLSTATE 23505 (unique_violation) from pg.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}

/**
 * Runs an insert of a record with a caller-chosen `id`, turning a unique violation into a
 * DuplicateIdError. On PostgreSQL the violation aborts the transaction; the error thrown out of
 * it rolls the transaction back, so nothing of the request is kept.
 */
export async function insertWithId<T>(what: string, id: string, insert: () => Promise<T>): Promise<T> {
  try {
    return await insert();
  } catch (err) {
    if (isUniqueViolation(err)) throw new DuplicateIdError(what, id, err);
    throw err;
  }
}
