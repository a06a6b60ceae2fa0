import { createTestDatabase, describePg } from "../support/pg.ts";
import { decideStoreSuite } from "./decide-store-suite.ts";

describePg("PostgreSQL", () => {
  decideStoreSuite("PostgreSQL", { create: () => createTestDatabase() });
});
