/** Helpers for the gate tests: an approval with everything a gate needs. */
import { GATES } from "./definitions.ts";
import type { GateEvent } from "./types.ts";

export function approval(gate: string, date: string, extra: Partial<GateEvent> = {}): GateEvent {
  const g = GATES.find((x) => x.id === gate)!;
  return {
    gate,
    action: "approve",
    date,
    by: "A. Person",
    role: g.approvers[0]!,
    evidence: [...g.evidence],
    drivers: ["service-quality", "savings-target"],
    ...extra,
  };
}

/** Every gate approved in order, one month apart from January 2014. */
export function fullHistory(): GateEvent[] {
  return GATES.map((g, i) =>
    approval(g.id, `${2014 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`),
  );
}
