/**
 * The sign-in throttle's table (migration 005_sign_in_throttle): failed attempts per name signed
 * in with, and its lock. Instants are ISO 8601 text in UTC.
 */
export interface SignInThrottleTable {
  /** The name as typed at sign-in, whether or not an account has it. */
  username: string;
  /** Failed attempts since the last successful sign-in or unlock. */
  failures: number;
  last_failure_at: string | null;
  /** Set when the name was locked; only an administrator's unlock clears it. */
  locked_at: string | null;
}

export interface SignInTables {
  sign_in_throttle: SignInThrottleTable;
}
