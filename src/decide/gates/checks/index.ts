/**
 * The gate checks registry: every check run on each gate event, in the order its findings are
 * listed. Titles and docs derive from it; adding a check means adding its file and one line here.
 */
import { ruleTitles } from "../../../shared/rule.ts";
import type { GateCheck } from "../types.ts";
import { againstAssessment } from "./against-assessment.ts";
import { approverRole } from "./approver-role.ts";
import { budgetDriven } from "./budget-driven.ts";
import { driversRecorded } from "./drivers-recorded.ts";
import { logicalOrder } from "./logical-order.ts";
import { requiredEvidence } from "./required-evidence.ts";

export const GATE_CHECKS: readonly GateCheck[] = [
  approverRole,
  requiredEvidence,
  logicalOrder,
  driversRecorded,
  budgetDriven,
  againstAssessment,
];

/** Each gate check's title, by id. */
export const GATE_TITLES: Record<string, string> = ruleTitles(GATE_CHECKS);
