import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { sheetStoreSuite } from "./sheet-store-suite.ts";

describePg("PostgreSQL", () => {
  sheetStoreSuite("PostgreSQL", pgTarget);
});
