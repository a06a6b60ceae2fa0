import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { performanceStoreSuite } from "./performance-suite.ts";

describePg("PostgreSQL", () => {
  performanceStoreSuite("PostgreSQL", pgTarget);
});
