import { sqliteTarget } from "../support/store-suite.ts";
import { storeSuite } from "./store-suite.ts";

storeSuite("SQLite", sqliteTarget("nous-sqlite-"));
