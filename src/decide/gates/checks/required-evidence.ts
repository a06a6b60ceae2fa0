/**
 * A gate is approved only with all its evidence on record (recorded with this event or earlier
 * at the same gate): a business case approved without the appraisal it rests on is a decision
 * nobody can later check.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheckContext } from "../types.ts";

export function checkRequiredEvidence({
  event,
  index,
  gate,
  gateIndex,
  states,
}: GateCheckContext): Finding[] {
  if (event.action !== "approve") return [];
  const have = new Set([...states[gateIndex]!.evidence, ...(event.evidence ?? [])]);
  const missing = gate.evidence.filter((e) => !have.has(e));
  if (missing.length === 0) return [];
  return [
    {
      code: "G-EVIDENCE",
      severity: "error",
      path: `$.events[${index}].evidence`,
      message: `${gate.name} approved without ${missing.join(", ")}`,
    },
  ];
}
