import { sqliteTarget } from "../support/store-suite.ts";
import { datesStoreSuite } from "./dates-store-suite.ts";

datesStoreSuite("SQLite", sqliteTarget("nous-dates-sqlite-"));
