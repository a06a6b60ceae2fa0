import { createTestDatabase, describePg } from "../support/pg.ts";
import { billingStoreSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  billingStoreSuite("PostgreSQL", { create: () => createTestDatabase() });
});
