/**
 * Flags on a body's recorded decisions, by the gate rules: "budget-driven" (the savings target is
 * the only driver of an approval) and "not the logical order" (a step taken at a gate while an
 * earlier gate it depends on was still open). A decision record is sparse: it holds the gates
 * someone took a recorded decision on, not every gate. So a gate with no decision recorded for the
 * same service is not held against a later one; a gate that has a decision recorded counts from
 * the day that decision approved it. Drivers are free text in a decision record ("savings
 * target"); they are matched to the gate drivers by name.
 */
import { GATES, gateIndex } from "./definitions.ts";
import { checkBudgetDriven } from "./checks/budget-driven.ts";
import { checkLogicalOrder } from "./checks/logical-order.ts";
import { DRIVERS, type Driver, type GateEvent, type GateState } from "./types.ts";

export interface DecisionForFlags {
  id: string;
  /** Decisions are compared within one subject (a service, or a contract without one). */
  subject: string;
  gate: string;
  decidedOn: string;
  outcome: string;
  drivers: string[];
  outOfOrderReason: string | null;
}

export const FLAG_BUDGET_DRIVEN = "budget-driven";
export const FLAG_OUT_OF_ORDER = "not the logical order";

/** "savings target" -> "savings-target"; anything not in the gate vocabulary is "other". */
export function driverOf(text: string): Driver {
  const id = text.trim().toLowerCase().replace(/\s+/g, "-");
  return (DRIVERS as readonly string[]).includes(id) ? (id as Driver) : "other";
}

/** "started" / "rejected" / anything else (approved, awarded...) as a gate action. */
export function actionOf(outcome: string): GateEvent["action"] {
  const o = outcome.trim().toLowerCase();
  if (o === "started" || o === "start") return "start";
  if (o === "rejected" || o === "reject") return "reject";
  return "approve";
}

/** Flags per decision id (decisions at a gate outside the lifecycle, such as scrutiny, get none). */
export function decisionFlags(decisions: DecisionForFlags[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const bySubject = new Map<string, DecisionForFlags[]>();
  for (const d of decisions) {
    out.set(d.id, []);
    const list = bySubject.get(d.subject) ?? [];
    list.push(d);
    bySubject.set(d.subject, list);
  }
  for (const list of bySubject.values()) {
    const recorded = new Set(list.map((d) => d.gate));
    // Gates with no recorded decision are taken as done; recorded ones start open.
    const states: GateState[] = GATES.map((g) => ({
      status: recorded.has(g.id) ? "not-started" : "approved",
      evidence: new Set<string>(),
    }));
    const sorted = [...list].sort(
      (a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.id.localeCompare(b.id),
    );
    sorted.forEach((d, index) => {
      const gi = gateIndex(d.gate);
      if (gi < 0) return;
      const event: GateEvent = {
        gate: d.gate,
        action: actionOf(d.outcome),
        date: d.decidedOn,
        by: "",
        role: "admin",
        drivers: d.drivers.map(driverOf),
        ...(d.outOfOrderReason ? { reason: d.outOfOrderReason } : {}),
      };
      const ctx = { event, index, gate: GATES[gi]!, gateIndex: gi, states };
      const flags = out.get(d.id)!;
      if (checkBudgetDriven(ctx).length > 0) flags.push(FLAG_BUDGET_DRIVEN);
      if (checkLogicalOrder(ctx).length > 0) flags.push(FLAG_OUT_OF_ORDER);
      const st = states[gi]!;
      st.status =
        event.action === "approve" ? "approved" : event.action === "reject" ? "rejected" : "in-progress";
    });
  }
  return out;
}
