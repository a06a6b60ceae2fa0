/**
 * Only the roles a gate names may approve or reject it: a finance gate approved by the
 * commercial lead is not the separation of duties the lifecycle relies on.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheck, GateCheckContext } from "../types.ts";

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

export const approverRole: GateCheck = {
  id: "G-ROLE",
  family: "gate",
  name: "Approver role",
  detects: "A gate approved or rejected by someone whose recorded role is not one of the roles the gate names as approvers.",
  whyItMatters: "Separation of duties is what the lifecycle relies on: a finance gate approved by the commercial lead is not an independent check.",
  codes: ["G-ROLE"],
  check: checkApproverRole,
};
