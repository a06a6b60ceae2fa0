/**
 * The commercial lifecycle of a service, in its logical order (HM Treasury business case
 * stages and the Cabinet Office Sourcing Playbook). A service sits at one stage at a time.
 */
export const STAGES = [
  { id: "pipeline", label: "Pipeline" },
  { id: "market-assessment", label: "Market assessment" },
  { id: "delivery-model-assessment", label: "Delivery model assessment" },
  { id: "strategic-outline-case", label: "Should-cost and appraisal (SOC)" },
  { id: "outline-business-case", label: "Outline business case" },
  { id: "procurement", label: "Procurement" },
  { id: "award", label: "Award" },
  { id: "full-business-case", label: "Full business case and contract" },
  { id: "mobilisation", label: "Mobilisation" },
  { id: "contract-management", label: "Contract management" },
  { id: "exit-or-renewal", label: "Exit or renewal" },
] as const;

export type StageId = (typeof STAGES)[number]["id"];
export const STAGE_IDS: string[] = STAGES.map((s) => s.id);

export function stageIndex(id: string): number {
  return STAGE_IDS.indexOf(id);
}
