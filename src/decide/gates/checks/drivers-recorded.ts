/**
 * Every decision records its drivers (why it was taken), so a scrutineer can see whether the
 * case rests on service quality, capability or only on money.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheck, GateCheckContext } from "../types.ts";

export function checkDriversRecorded({ event, index, gate }: GateCheckContext): Finding[] {
  if (event.action !== "approve" || (event.drivers ?? []).length > 0) return [];
  return [
    {
      code: "G-DRIVERS",
      severity: "error",
      path: `$.events[${index}].drivers`,
      message: `the decision to approve ${gate.name} records no drivers`,
    },
  ];
}

export const driversRecorded: GateCheck = {
  id: "G-DRIVERS",
  family: "gate",
  name: "Drivers recorded",
  detects: "An approval that records no drivers (no reason why the decision was taken).",
  whyItMatters: "Without drivers a scrutineer cannot tell whether the case rests on service quality, capability or only on money.",
  codes: ["G-DRIVERS"],
  check: checkDriversRecorded,
};
