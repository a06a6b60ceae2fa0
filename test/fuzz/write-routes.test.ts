/**
 * The write-route fuzz (./write-routes-suite.ts) on a fresh SQLite demo store: 90 generated
 * bodies on every write route and 500 release packages on the OCDS import.
 */
import { sqliteTarget } from "../support/store-suite.ts";
import { writeRoutesFuzz } from "./write-routes-suite.ts";

await writeRoutesFuzz("SQLite", sqliteTarget("nous-fuzz-sqlite-"), { casesPerRoute: 90, ocdsCases: 500 });
