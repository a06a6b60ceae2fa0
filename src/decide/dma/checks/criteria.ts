/**
 * Criteria must be usable: unique ids, weights above zero, and both strategic and operational
 * criteria present, as the delivery model assessment guidance asks; an assessment on cost
 * alone is not a delivery model assessment.
 */
import type { Finding } from "../../finding.ts";
import type { DeliveryModelAssessment } from "../types.ts";

export function checkCriteria(dma: DeliveryModelAssessment): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  dma.criteria.forEach((c, i) => {
    if (seen.has(c.id))
      out.push({
        code: "DMA-CRITERION",
        severity: "error",
        path: `$.criteria[${i}].id`,
        message: `duplicate criterion "${c.id}"`,
      });
    seen.add(c.id);
    if (!(c.weight > 0)) {
      out.push({
        code: "DMA-WEIGHT",
        severity: "error",
        path: `$.criteria[${i}].weight`,
        message: `criterion "${c.id}" needs a weight above 0`,
      });
    }
  });
  for (const kind of ["strategic", "operational"] as const) {
    if (!dma.criteria.some((c) => c.kind === kind)) {
      out.push({
        code: "DMA-KIND",
        severity: "error",
        path: "$.criteria",
        message: `no ${kind} criteria: the assessment needs both strategic and operational criteria`,
      });
    }
  }
  return out;
}
