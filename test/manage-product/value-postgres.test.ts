import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { valueStoreSuite } from "./value-store-suite.ts";

describePg("PostgreSQL", () => {
  valueStoreSuite("PostgreSQL", pgTarget);
});
