/**
 * Tables of the Decide capability. An appraisal case, a delivery model assessment, a workforce
 * impact, a capability self-assessment and a contract's payment profile (its accountability
 * horizon) are each one stored document: the JSON the engine takes, validated by the engine's
 * own schema before it is written. Gate events are rows, one per step taken at a gate.
 */
import type { Selectable } from "kysely";
import type { DecideKind } from "../contract/decide.ts";

/** What a stored document holds (declared in src/contract/decide.ts; each kind's engine parser is in src/app/decide.ts). */
export type { DecideKind };

export interface DecideDocumentsTable {
  kind: DecideKind;
  id: string;
  service_id: string | null;
  contract_id: string | null;
  title: string;
  /** The document as given (engine file form), validated on the way in. */
  body_json: string;
  published: number;
  demo_fields_json: string;
  source: string;
  updated_at: string;
}

export interface DecideGateEventsTable {
  id: string;
  service_id: string | null;
  contract_id: string | null;
  gate: string;
  action: "start" | "approve" | "reject";
  date: string;
  by_name: string;
  role: string;
  evidence_json: string;
  /** Why a step was taken out of the logical order. */
  reason: string | null;
  drivers_json: string;
  published: number;
  demo_fields_json: string;
  source: string;
  /** The option the gate's own assessment recommended (migration 012). */
  assessment_recommends: string | null;
  /** The option the decision chose (migration 012). */
  option_chosen: string | null;
}

export interface DecideTables {
  decide_documents: DecideDocumentsTable;
  decide_gate_events: DecideGateEventsTable;
}

/** Restore order for backups (no foreign keys between them beyond the core tables). */
export const DECIDE_TABLES = ["decide_documents", "decide_gate_events"] as const;

export type DecideDocumentRow = Selectable<DecideDocumentsTable>;
export type DecideGateEventRow = Selectable<DecideGateEventsTable>;
