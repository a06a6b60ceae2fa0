/**
 * A decision whose only driver is the savings target is flagged "budget-driven": the committee
 * warned that outsourcing was "driven by budget pressures" rather than by what the organisation
 * is good at. It is not forbidden, but it is published as such.
 */
import type { Finding } from "../../finding.ts";
import type { GateCheck, GateCheckContext } from "../types.ts";

export function checkBudgetDriven({ event, index, gate }: GateCheckContext): Finding[] {
  const drivers = new Set(event.drivers ?? []);
  if (event.action !== "approve" || drivers.size !== 1 || !drivers.has("savings-target")) return [];
  return [
    {
      code: "G-BUDGET-DRIVEN",
      severity: "warning",
      path: `$.events[${index}].drivers`,
      message: `budget-driven: the only recorded driver for approving ${gate.name} is the savings target`,
    },
  ];
}

export const budgetDriven: GateCheck = {
  id: "G-BUDGET-DRIVEN",
  family: "gate",
  name: "Budget-driven decision",
  detects: "An approval whose only recorded driver is the savings target.",
  whyItMatters: "The committee warned that outsourcing was driven by budget pressures rather than by what the organisation is good at; such a decision is allowed but published as budget-driven.",
  codes: ["G-BUDGET-DRIVEN"],
  check: checkBudgetDriven,
};
