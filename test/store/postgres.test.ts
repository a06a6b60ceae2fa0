import { createTestDatabase, describePg } from "../support/pg.ts";
import { storeSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  storeSuite("PostgreSQL", { create: () => createTestDatabase() });
});
