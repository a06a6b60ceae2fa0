/**
 * The delivery model recommendation: each option's weighted score (sum of weight x score over
 * the sum of weights, on the scoring scale), with strategic and operational subtotals, ranked;
 * the recommendation is the top option, or none when the top two tie. Validation findings come
 * with it, and an assessment with errors recommends nothing.
 */
import { type Finding, hasErrors } from "../finding.ts";
import { checkCriteria } from "./checks/criteria.ts";
import { checkReturnInHouse } from "./checks/return-in-house.ts";
import { checkScoresComplete } from "./checks/scores-complete.ts";
import type { DeliveryModelAssessment, OptionType } from "./types.ts";

export const DMA_CHECKS = [checkCriteria, checkScoresComplete, checkReturnInHouse];

export interface OptionScore {
  id: string;
  type: OptionType;
  weighted: number;
  strategic: number | null;
  operational: number | null;
}

export interface DmaResult {
  service: string;
  ranking: OptionScore[];
  recommended: string | null;
  valid: boolean;
  findings: Finding[];
}

export function assessDeliveryModels(dma: DeliveryModelAssessment): DmaResult {
  const findings = DMA_CHECKS.flatMap((check) => check(dma));
  const score = new Map(dma.scores.map((s) => [`${s.option}\u0000${s.criterion}`, s.score]));
  const weighted = (optionId: string, kind?: "strategic" | "operational"): number | null => {
    let sw = 0;
    let s = 0;
    for (const c of dma.criteria) {
      if (kind && c.kind !== kind) continue;
      sw += c.weight;
      s += c.weight * (score.get(`${optionId}\u0000${c.id}`) ?? 0);
    }
    return sw > 0 ? s / sw : null;
  };
  const ranking = dma.options
    .map((o) => ({
      id: o.id,
      type: o.type,
      weighted: weighted(o.id) ?? 0,
      strategic: weighted(o.id, "strategic"),
      operational: weighted(o.id, "operational"),
    }))
    .sort((a, b) => b.weighted - a.weighted || a.id.localeCompare(b.id));
  const valid = !hasErrors(findings);
  const [first, second] = ranking;
  const tie = first && second && Math.abs(first.weighted - second.weighted) < 1e-9;
  if (valid && tie) {
    findings.push({
      code: "DMA-TIE",
      severity: "warning",
      path: "$.scores",
      message: `"${first.id}" and "${second.id}" tie on weighted score; no recommendation`,
    });
  }
  return {
    service: dma.service,
    ranking,
    recommended: valid && first && !tie ? first.id : null,
    valid,
    findings,
  };
}
