/**
 * A gate event's assessment and choice: the option the gate's own assessment recommended (the
 * delivery model assessment's top option, say) and the option the decision chose, so the gate
 * check G-AGAINST-ASSESSMENT (src/decide/gates/checks/against-assessment.ts) can flag an approval
 * that goes against its own assessment, as the Met's went against its in-house option. Both are
 * nullable text: events recorded before keep no assessment.
 */
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the database before its types exist
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("decide_gate_events").addColumn("assessment_recommends", "text").execute();
  await db.schema.alterTable("decide_gate_events").addColumn("option_chosen", "text").execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable("decide_gate_events").dropColumn("option_chosen").execute();
  await db.schema.alterTable("decide_gate_events").dropColumn("assessment_recommends").execute();
}
