import { sqliteTarget } from "../support/store-suite.ts";
import { sheetStoreSuite } from "./sheet-store-suite.ts";

sheetStoreSuite("SQLite", sqliteTarget("nous-sheet-sqlite-"));
