import { createTestDatabase, describePg } from "../support/pg.ts";
import { contractEventsStoreSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  contractEventsStoreSuite("PostgreSQL", { create: () => createTestDatabase() });
});
