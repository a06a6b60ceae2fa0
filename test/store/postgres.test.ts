import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { storeSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  storeSuite("PostgreSQL", pgTarget);
});
