/**
 * A step taken before the previous gate is approved breaks the logical order the committee
 * found the Met did not always follow (e.g. procuring before the delivery model assessment).
 * It is allowed only with a recorded reason, and even then flagged "not the logical order".
 */
import type { Finding } from "../../finding.ts";
import { GATES } from "../definitions.ts";
import type { GateCheck, GateCheckContext } from "../types.ts";

export function checkLogicalOrder({ event, index, gate, gateIndex, states }: GateCheckContext): Finding[] {
  if (event.action === "reject" || gateIndex === 0) return [];
  const pending = GATES.slice(0, gateIndex).filter((_, i) => states[i]!.status !== "approved");
  if (pending.length === 0) return [];
  const before = pending.map((g) => g.name).join(", ");
  const step = `${gate.name} ${event.action === "start" ? "started" : "approved"} before ${before} ${pending.length === 1 ? "was" : "were"} approved`;
  if (event.reason && event.reason.trim() !== "") {
    return [
      {
        code: "G-ORDER",
        severity: "warning",
        path: `$.events[${index}]`,
        message: `not the logical order: ${step} (reason recorded: ${event.reason.trim()})`,
      },
    ];
  }
  return [
    {
      code: "G-ORDER-UNEXPLAINED",
      severity: "error",
      path: `$.events[${index}].reason`,
      message: `not the logical order: ${step}, and no reason is recorded`,
    },
  ];
}

export const logicalOrder: GateCheck = {
  id: "G-ORDER",
  family: "gate",
  name: "Logical order",
  detects: "A gate started or approved before every earlier gate was approved: a warning when a reason is recorded, an error (G-ORDER-UNEXPLAINED) when none is.",
  whyItMatters: "The committee found steps taken out of order, such as procuring before the delivery model assessment; a step out of order must be explained and is published as such.",
  codes: ["G-ORDER", "G-ORDER-UNEXPLAINED"],
  check: checkLogicalOrder,
};
