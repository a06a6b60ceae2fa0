import { sqliteTarget } from "../support/store-suite.ts";
import { decideStoreSuite } from "./decide-store-suite.ts";

decideStoreSuite("SQLite", sqliteTarget("nous-decide-sqlite-"));
