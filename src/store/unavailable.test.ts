/** Which failures are the store's (503, try again) and which are nous's own (500). */
import { describe, expect, it } from "vitest";
import { storeUnavailable } from "./unavailable.ts";

describe("storeUnavailable", () => {
  it("names PostgreSQL being down, restarting or out of connections", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "53300", "08006"]) {
      expect(storeUnavailable(Object.assign(new Error("x"), { code }))?.retryAfter, code).toBe(5);
    }
    expect(storeUnavailable(new Error("Connection terminated unexpectedly"))?.message).toBe(
      "the database is not reachable just now; try again shortly",
    );
  });

  it("names a SQLite file locked past its busy timeout, and a full disk", () => {
    expect(storeUnavailable(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))?.message).toBe(
      "the database is busy with another write; try again shortly",
    );
    expect(storeUnavailable(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }))?.message).toBe(
      "the database's disk is full: nothing was stored; an operator must free space",
    );
  });

  it("leaves every other failure to be a 500", () => {
    expect(storeUnavailable(new TypeError("x is undefined"))).toBeNull();
    expect(storeUnavailable(Object.assign(new Error("dup"), { code: "23505" }))).toBeNull();
    expect(storeUnavailable(Object.assign(new Error("c"), { code: "SQLITE_CONSTRAINT_PRIMARYKEY" }))).toBeNull();
    expect(storeUnavailable(null)).toBeNull();
  });
});
