import { createTestDatabase, describePg } from "../support/pg.ts";
import { flagsStoreSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  flagsStoreSuite("PostgreSQL", { create: () => createTestDatabase() });
});
