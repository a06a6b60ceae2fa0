/**
 * Evaluates a gate history in date order: runs every gate check on each event against the
 * state of the gates just before it, then applies the event. Returns each gate's status, the
 * first gate not yet approved, and all findings (errors and "not the logical order" /
 * "budget-driven" flags).
 */
import { isIsoDate } from "../../shared/dates.ts";
import type { Finding } from "../finding.ts";
import { GATE_CHECKS } from "./checks/index.ts";
import { GATES, gateIndex } from "./definitions.ts";
import type { GateEvent, GateState, GateStatus } from "./types.ts";

export { GATE_CHECKS, GATE_TITLES } from "./checks/index.ts";

export interface GateSummary {
  id: string;
  name: string;
  status: GateStatus;
  approvedOn: string | null;
  approvedBy: string | null;
}

export interface GateEvaluation {
  gates: GateSummary[];
  /** First gate not yet approved (null when all are). */
  current: string | null;
  findings: Finding[];
  outOfOrder: number;
  budgetDriven: number;
}

export function evaluateGates(events: GateEvent[]): GateEvaluation {
  const states: GateState[] = GATES.map(() => ({ status: "not-started", evidence: new Set<string>() }));
  const summaries: GateSummary[] = GATES.map((g) => ({
    id: g.id,
    name: g.name,
    status: "not-started",
    approvedOn: null,
    approvedBy: null,
  }));
  const findings: Finding[] = [];
  // Date order, keeping the given order for events on the same day.
  const order = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i);
  for (const { e: event, i: index } of order) {
    const gi = gateIndex(event.gate);
    if (gi < 0) {
      findings.push({
        code: "G-UNKNOWN",
        severity: "error",
        path: `$.events[${index}].gate`,
        message: `unknown gate "${event.gate}"`,
      });
      continue;
    }
    if (!isIsoDate(event.date)) {
      findings.push({
        code: "G-DATE",
        severity: "error",
        path: `$.events[${index}].date`,
        message: `expected a date YYYY-MM-DD, got "${event.date}"`,
      });
      continue;
    }
    const gate = GATES[gi]!;
    for (const check of GATE_CHECKS) findings.push(...check.check({ event, index, gate, gateIndex: gi, states }));
    const st = states[gi]!;
    for (const ev of event.evidence ?? []) st.evidence.add(ev);
    const status: GateStatus =
      event.action === "approve" ? "approved" : event.action === "reject" ? "rejected" : "in-progress";
    st.status = status;
    const sum = summaries[gi]!;
    sum.status = status;
    if (status === "approved") {
      sum.approvedOn = event.date;
      sum.approvedBy = `${event.by} (${event.role})`;
    }
  }
  const current = summaries.find((s) => s.status !== "approved");
  return {
    gates: summaries,
    current: current ? current.id : null,
    findings,
    outOfOrder: findings.filter((f) => f.code === "G-ORDER" || f.code === "G-ORDER-UNEXPLAINED").length,
    budgetDriven: findings.filter((f) => f.code === "G-BUDGET-DRIVEN").length,
  };
}
