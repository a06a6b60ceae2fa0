/**
 * The write-route fuzz (./write-routes-suite.ts) on a fresh PostgreSQL demo database of the test
 * run's cluster, where text, numbers, keys and transactions behave otherwise than on SQLite.
 * Fewer cases than on SQLite, so the file stays within a few tens of seconds on a loaded machine.
 */
import { it } from "vitest";
import { describePg, pgAvailable } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { writeRoutesFuzz } from "./write-routes-suite.ts";

describePg("PostgreSQL", async () => {
  if (pgAvailable()) await writeRoutesFuzz("PostgreSQL", pgTarget, { casesPerRoute: 25, ocdsCases: 120 });
  // describe.skip still runs this when no cluster runs: then no database is made, and one skipped
  // test stands for the fuzz (a file without tests would fail).
  else it("fuzzes every write route (needs the test run's PostgreSQL cluster)", () => {});
});
