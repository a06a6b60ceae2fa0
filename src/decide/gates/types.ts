/**
 * A gate history: what was done at which gate, by whom (and in which role), with what
 * evidence, why (the drivers of the decision) and, for a step taken out of order, the reason.
 */
import type { RuleDescriptor } from "../../shared/rule.ts";
import type { Finding } from "../finding.ts";
import type { GateDefinition, Role } from "./definitions.ts";

/** Why a decision was taken. "savings-target" alone marks a budget-driven decision. */
export const DRIVERS = [
  "savings-target",
  "service-quality",
  "capability",
  "capacity",
  "resilience",
  "risk",
  "policy",
  "market",
  "legal",
  "other",
] as const;
export type Driver = (typeof DRIVERS)[number];

export interface GateEvent {
  gate: string;
  action: "start" | "approve" | "reject";
  date: string;
  by: string;
  role: Role;
  /** Evidence ids recorded with this event. */
  evidence?: string[];
  /** Why a step was taken before its predecessor was approved. */
  reason?: string;
  drivers?: Driver[];
  /** The option the gate's own assessment recommended (e.g. the DMA's top option). */
  assessmentRecommends?: string;
  /** The option the decision chose. */
  optionChosen?: string;
}

export type GateStatus = "not-started" | "in-progress" | "approved" | "rejected";

export interface GateState {
  status: GateStatus;
  evidence: Set<string>;
}

/** What a gate check sees: the event, where it is, and the gates' state just before it. */
export interface GateCheckContext {
  event: GateEvent;
  index: number;
  gate: GateDefinition;
  gateIndex: number;
  states: ReadonlyArray<GateState>;
}

/** A gate check: the shared rule descriptor, the finding codes it can raise, and the check. */
export interface GateCheck extends RuleDescriptor {
  readonly family: "gate";
  /** Finding codes it raises; the first is its id. */
  readonly codes: readonly string[];
  check(ctx: GateCheckContext): Finding[];
}
