/**
 * Every option is scored on every criterion, within the scale, with the evidence behind the
 * score: a missing or unevidenced score lets a preferred answer win by omission.
 */
import type { Finding } from "../../finding.ts";
import type { DeliveryModelAssessment } from "../types.ts";

export function checkScoresComplete(dma: DeliveryModelAssessment): Finding[] {
  const out: Finding[] = [];
  const max = dma.maxScore ?? 5;
  const options = new Set(dma.options.map((o) => o.id));
  const criteria = new Set(dma.criteria.map((c) => c.id));
  const seen = new Set<string>();
  dma.scores.forEach((s, i) => {
    if (!options.has(s.option))
      out.push({
        code: "DMA-SCORE",
        severity: "error",
        path: `$.scores[${i}].option`,
        message: `unknown option "${s.option}"`,
      });
    if (!criteria.has(s.criterion)) {
      out.push({
        code: "DMA-SCORE",
        severity: "error",
        path: `$.scores[${i}].criterion`,
        message: `unknown criterion "${s.criterion}"`,
      });
    }
    const key = `${s.option}\u0000${s.criterion}`;
    if (seen.has(key)) {
      out.push({
        code: "DMA-SCORE",
        severity: "error",
        path: `$.scores[${i}]`,
        message: `"${s.option}" is scored twice on "${s.criterion}"`,
      });
    }
    seen.add(key);
    if (!(s.score >= 0 && s.score <= max)) {
      out.push({
        code: "DMA-SCORE",
        severity: "error",
        path: `$.scores[${i}].score`,
        message: `score must be between 0 and ${max}, got ${s.score}`,
      });
    }
    if (s.evidence.trim() === "") {
      out.push({
        code: "DMA-EVIDENCE",
        severity: "error",
        path: `$.scores[${i}].evidence`,
        message: `the score of "${s.option}" on "${s.criterion}" has no evidence`,
      });
    }
  });
  for (const o of dma.options)
    for (const c of dma.criteria)
      if (!seen.has(`${o.id}\u0000${c.id}`)) {
        out.push({
          code: "DMA-MISSING",
          severity: "error",
          path: "$.scores",
          message: `option "${o.id}" is not scored on "${c.id}"`,
        });
      }
  return out;
}
