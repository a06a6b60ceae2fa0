import { sqliteTarget } from "../support/store-suite.ts";
import { performanceStoreSuite } from "./performance-suite.ts";

performanceStoreSuite("SQLite", sqliteTarget("nous-performance-sqlite-"));
