/**
 * Tells a failure of the store itself (PostgreSQL stopped or restarting, the network to it cut,
 * SQLite locked past its busy timeout, the disk full) from a fault in nous. The first is the
 * operator's to fix and clears by itself once the store is back, so the API answers 503 with
 * Retry-After and a sentence saying what is wrong, instead of a 500 that looks like a bug.
 */

/** PostgreSQL SQLSTATE classes and codes that mean the server cannot serve now (PostgreSQL docs, Appendix A). */
const PG_UNAVAILABLE = new Set(["57P01", "57P02", "57P03", "53300", "58030"]);

/** Socket errors from reaching PostgreSQL. */
const NET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"]);

const UNREACHABLE = { message: "the database is not reachable just now; try again shortly", retryAfter: 5 };

export interface Unavailable {
  /** A sentence for the person who sees the error. */
  message: string;
  /** Seconds a client should wait before trying again. */
  retryAfter: number;
}

/** Returns why the store is unavailable, or null when `err` is not a store outage. */
export function storeUnavailable(err: unknown): Unavailable | null {
  if (!err || typeof err !== "object") return null;
  const code = String((err as { code?: unknown }).code ?? "");
  const message = String((err as { message?: unknown }).message ?? "");
  if (
    PG_UNAVAILABLE.has(code) ||
    code.startsWith("08") ||
    NET_UNAVAILABLE.has(code) ||
    /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)
  ) {
    return UNREACHABLE;
  }
  if (code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_") || code === "SQLITE_LOCKED") {
    return { message: "the database is busy with another write; try again shortly", retryAfter: 2 };
  }
  if (code === "SQLITE_FULL" || code === "53100") {
    return { message: "the database's disk is full: nothing was stored; an operator must free space", retryAfter: 60 };
  }
  return null;
}
