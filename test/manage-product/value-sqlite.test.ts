import { sqliteTarget } from "../support/store-suite.ts";
import { valueStoreSuite } from "./value-store-suite.ts";

valueStoreSuite("SQLite", sqliteTarget("nous-value-sqlite-"));
