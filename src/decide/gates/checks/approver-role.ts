/**
 * Only the roles a gate names may approve or reject it: a finance gate approved by the
 * commercial lead is not the separation of duties the lifecycle relies on.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheckContext } from "../types.ts";

export function checkApproverRole({ event, index, gate }: GateCheckContext): Finding[] {
  if (event.action === "start" || gate.approvers.includes(event.role)) return [];
  return [
    {
      code: "G-ROLE",
      severity: "error",
      path: `$.events[${index}].role`,
      message: `${gate.name} may be ${event.action === "approve" ? "approved" : "rejected"} only by ${gate.approvers.join(" or ")}, not ${event.role}`,
    },
  ];
}
