import { sqliteTarget } from "../support/store-suite.ts";
import { draftsStoreSuite } from "./drafts-suite.ts";

draftsStoreSuite("SQLite", sqliteTarget("nous-decide-drafts-sqlite-"));
