import { sqliteTarget } from "../support/store-suite.ts";
import { paymentStoreSuite } from "./payment-store-suite.ts";

paymentStoreSuite("SQLite", sqliteTarget("nous-payment-sqlite-"));
