import { sqliteTarget } from "../support/store-suite.ts";
import { searchStoreSuite } from "./search-suite.ts";

searchStoreSuite("SQLite (FTS5)", sqliteTarget("nous-search-sqlite-"));
