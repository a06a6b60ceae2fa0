import { describePg } from "../support/pg.ts";
import { pgTarget } from "../support/store-suite.ts";
import { paymentStoreSuite } from "./payment-store-suite.ts";

describePg("PostgreSQL", () => {
  paymentStoreSuite("PostgreSQL", pgTarget);
});
