import { sqliteTarget } from "../support/store-suite.ts";
import { contractEventsStoreSuite } from "./store-suite.ts";

contractEventsStoreSuite("SQLite", sqliteTarget("nous-events-sqlite-"));
