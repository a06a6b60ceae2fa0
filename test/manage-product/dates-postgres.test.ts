import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { datesStoreSuite } from "./dates-store-suite.ts";

describePg("PostgreSQL", () => {
  datesStoreSuite("PostgreSQL", pgTarget);
});
