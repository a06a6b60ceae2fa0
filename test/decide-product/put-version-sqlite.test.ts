import { sqliteTarget } from "../support/store-suite.ts";
import { putVersionSuite } from "./put-version-suite.ts";

putVersionSuite("SQLite", sqliteTarget("nous-put-version-sqlite-"));
