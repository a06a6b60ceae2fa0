import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { searchStoreSuite } from "./search-suite.ts";

describePg("PostgreSQL", () => {
  searchStoreSuite("PostgreSQL (tsvector)", pgTarget);
});
