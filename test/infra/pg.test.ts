/**
 * Proves the test run's PostgreSQL is a real server: SQL round trip, one database per caller,
 * and drop() really removes the database even with a connection still open.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestDatabase, describePg, pgAvailable, type TestDatabase } from "../support/pg.ts";

describe("pgAvailable", () => {
  it("matches whether global setup provided a server URL", () => {
    expect(pgAvailable()).toBe(inject("nousPgUrl") !== "");
  });
});

describePg("PostgreSQL for tests", () => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it("creates a table, inserts rows and reads them back", async () => {
    await client.query(
      "CREATE TABLE invoice_line (id serial PRIMARY KEY, supplier text NOT NULL, pence bigint)",
    );
    await client.query("INSERT INTO invoice_line (supplier, pence) VALUES ($1, $2), ($3, $4)", [
      "Serco",
      "1250000",
      "G4S",
      "99",
    ]);
    const { rows } = await client.query(
      "SELECT supplier, pence::text AS pence FROM invoice_line ORDER BY id",
    );
    expect(rows).toEqual([
      { supplier: "Serco", pence: "1250000" },
      { supplier: "G4S", pence: "99" },
    ]);
    const sum = await client.query("SELECT sum(pence)::text AS total FROM invoice_line");
    expect(sum.rows[0].total).toBe("1250099");
  });

  it("is a real server on 127.0.0.1 in the database it was given", async () => {
    const { rows } = await client.query(
      "SELECT current_database() AS name, host(inet_server_addr()) AS addr, current_setting('server_version_num')::int AS version",
    );
    expect(rows[0].name).toBe(db.name);
    expect(rows[0].addr).toBe("127.0.0.1");
    expect(rows[0].version).toBeGreaterThanOrEqual(130000);
  });

  it("gives each caller its own empty database, and drop() removes it despite open connections", async () => {
    const other = await createTestDatabase();
    expect(other.name).not.toBe(db.name);
    const held = new pg.Client({ connectionString: other.url });
    held.on("error", () => {}); // the connection is terminated by drop()
    await held.connect();
    const tables = await held.query(
      "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'invoice_line'",
    );
    expect(tables.rows[0].n).toBe(0);

    await other.drop();
    const left = await client.query("SELECT count(*)::int AS n FROM pg_database WHERE datname = $1", [
      other.name,
    ]);
    expect(left.rows[0].n).toBe(0);
    await held.end().catch(() => {});
  });
});
