/**
 * A gate is approved only with all its evidence on record (recorded with this event or earlier
 * at the same gate): a business case approved without the appraisal it rests on is a decision
 * nobody can later check.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheck, GateCheckContext } from "../types.ts";

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

export const requiredEvidence: GateCheck = {
  id: "G-EVIDENCE",
  family: "gate",
  name: "Required evidence",
  detects: "A gate approved without all of its required evidence on record (with this event or earlier at the same gate).",
  whyItMatters: "A decision approved without the appraisal or assessment it rests on is a decision nobody can later check.",
  codes: ["G-EVIDENCE"],
  check: checkRequiredEvidence,
};
