import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { billingStoreSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  billingStoreSuite("PostgreSQL", pgTarget);
});
