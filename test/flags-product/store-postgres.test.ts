import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { flagsStoreSuite } from "./store-suite.ts";

describePg("PostgreSQL", () => {
  flagsStoreSuite("PostgreSQL", pgTarget);
});
