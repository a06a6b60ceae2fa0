/**
 * The ordered list of migrations. Both stores run exactly these; a new migration is a new file
 * here, never an edit to one that has shipped.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as m001 from "./001_initial.ts";
import * as m002decide from "./002_decide.ts";
import * as m003billing from "./003_billing.ts";
import * as m004contractEvents from "./004_contract_events.ts";
import * as m005signInThrottle from "./005_sign_in_throttle.ts";
import * as m006contractTerms from "./006_contract_terms.ts";
import * as m007performance from "./007_performance.ts";
import * as m008value from "./008_value.ts";
import * as m009commentsSearch from "./009_comments_search.ts";
import * as m010decideVersions from "./010_decide_versions.ts";
import * as m011paymentMechanism from "./011_payment_mechanism.ts";
import * as m012gateAssessment from "./012_gate_assessment.ts";

export const migrations: Record<string, Migration> = {
  "001_initial": m001,
  "002_decide": m002decide,
  "003_billing": m003billing,
  "004_contract_events": m004contractEvents,
  "005_sign_in_throttle": m005signInThrottle,
  "006_contract_terms": m006contractTerms,
  "007_performance": m007performance,
  "008_value": m008value,
  "009_comments_search": m009commentsSearch,
  "010_decide_versions": m010decideVersions,
  "011_payment_mechanism": m011paymentMechanism,
  "012_gate_assessment": m012gateAssessment,
};

export const migrationProvider: MigrationProvider = {
  async getMigrations() {
    return migrations;
  },
};
