import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { decideStoreSuite } from "./decide-store-suite.ts";

describePg("PostgreSQL", () => {
  decideStoreSuite("PostgreSQL", pgTarget);
});
