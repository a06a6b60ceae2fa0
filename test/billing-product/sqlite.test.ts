import { sqliteTarget } from "../support/store-suite.ts";
import { billingStoreSuite } from "./store-suite.ts";

billingStoreSuite("SQLite", sqliteTarget("nous-billing-sqlite-"));
