/**
 * The commercial lifecycle as gates, in their logical order, following the Cabinet Office
 * Sourcing Playbook: pipeline, market assessment, delivery model assessment, should-cost and
 * appraisal (strategic outline case), outline business case, procurement, award, full business
 * case and contract, mobilisation, contract management, exit or renewal. Each gate lists the
 * evidence it needs before approval and the roles that may approve it.
 */

export const ROLES = ["admin", "commercial", "contract-manager", "finance"] as const;
export type Role = (typeof ROLES)[number];

export interface GateDefinition {
  id: string;
  name: string;
  /** Evidence ids that must be recorded on the gate before it is approved. */
  evidence: string[];
  /** Roles that may approve (or reject) the gate. */
  approvers: Role[];
}

export const GATES: readonly GateDefinition[] = [
  {
    id: "pipeline",
    name: "Pipeline",
    evidence: ["service-record", "pipeline-entry"],
    approvers: ["commercial", "admin"],
  },
  {
    id: "market-assessment",
    name: "Market assessment",
    evidence: ["market-analysis", "market-engagement-record"],
    approvers: ["commercial"],
  },
  {
    id: "delivery-model-assessment",
    name: "Delivery model assessment",
    evidence: ["delivery-model-assessment", "return-in-house-assessment"],
    approvers: ["commercial", "admin"],
  },
  {
    id: "strategic-outline-case",
    name: "Should-cost and appraisal (strategic outline case)",
    evidence: ["should-cost-model", "appraisal", "strategic-outline-case"],
    approvers: ["finance"],
  },
  {
    id: "outline-business-case",
    name: "Outline business case",
    evidence: ["outline-business-case", "workforce-impact", "accountability-horizon"],
    approvers: ["finance", "admin"],
  },
  {
    id: "procurement",
    name: "Procurement",
    evidence: ["procurement-strategy", "tender-documents", "evaluation-criteria"],
    approvers: ["commercial"],
  },
  {
    id: "award",
    name: "Award",
    evidence: ["evaluation-report", "award-recommendation", "standstill-record"],
    approvers: ["commercial", "admin"],
  },
  {
    id: "full-business-case",
    name: "Full business case and contract",
    evidence: ["full-business-case", "signed-contract", "exit-plan"],
    approvers: ["finance", "admin"],
  },
  {
    id: "mobilisation",
    name: "Mobilisation",
    evidence: ["mobilisation-plan", "staff-transfer-record"],
    approvers: ["contract-manager", "commercial"],
  },
  {
    id: "contract-management",
    name: "Contract management",
    evidence: ["contract-management-plan", "kpi-baseline"],
    approvers: ["contract-manager"],
  },
  {
    id: "exit-or-renewal",
    name: "Exit or renewal",
    evidence: ["exit-or-renewal-review", "re-appraisal"],
    approvers: ["admin", "finance"],
  },
];

export const gateIndex = (id: string): number => GATES.findIndex((g) => g.id === id);
