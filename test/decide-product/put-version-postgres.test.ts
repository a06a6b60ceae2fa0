import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { putVersionSuite } from "./put-version-suite.ts";

describePg("PostgreSQL", () => {
  putVersionSuite("PostgreSQL", pgTarget);
});
