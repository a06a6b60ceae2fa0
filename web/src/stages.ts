/** Lifecycle stage labels, from the same list the API uses. */
import { STAGES } from "../../src/shared/lifecycle.ts";

const LABELS = new Map<string, string>(STAGES.map((s) => [s.id, s.label]));
LABELS.set("scrutiny", "External scrutiny");

export function stageLabel(id: string): string {
  return LABELS.get(id) ?? id;
}
