import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { draftsStoreSuite } from "./drafts-suite.ts";

describePg("PostgreSQL", () => {
  draftsStoreSuite("PostgreSQL", pgTarget);
});
