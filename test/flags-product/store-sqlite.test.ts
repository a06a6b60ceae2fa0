import { sqliteTarget } from "../support/store-suite.ts";
import { flagsStoreSuite } from "./store-suite.ts";

flagsStoreSuite("SQLite", sqliteTarget("nous-flags-sqlite-"));
