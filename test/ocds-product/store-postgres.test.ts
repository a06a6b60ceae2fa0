import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { contractEventsStoreSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  contractEventsStoreSuite("PostgreSQL", pgTarget);
});
