/**
 * Every outsourcing-type option (outsourced, shared service, joint venture, mixed) must say how
 * the service would return in-house: the cost, the time, the assets and the people. The London
 * Assembly committee asked for exactly this so the body is never "handcuffed to a poor
 * contract"; an assessment without it fails validation.
 */
import type { Finding } from "../../finding.ts";
import { type DeliveryModelAssessment, OUTSOURCING_TYPES } from "../types.ts";

const PARTS = [
  ["cost", "cost"],
  ["timeMonths", "time"],
  ["assets", "assets"],
  ["people", "people"],
] as const;

export function checkReturnInHouse(dma: DeliveryModelAssessment): Finding[] {
  const out: Finding[] = [];
  dma.options.forEach((o, i) => {
    if (!OUTSOURCING_TYPES.has(o.type)) return;
    const r = o.returnInHouse;
    const missing = PARTS.filter(([key]) => {
      const v = r?.[key];
      return (
        v === undefined || (typeof v === "string" && v.trim() === "") || (typeof v === "number" && !(v >= 0))
      );
    }).map(([, name]) => name);
    if (missing.length === 0) return;
    out.push({
      code: "DMA-RETURN",
      severity: "error",
      path: `$.options[${i}].returnInHouse`,
      message: r
        ? `option "${o.id}" (${o.type}): the return-in-house assessment lacks ${missing.join(", ")}`
        : `option "${o.id}" (${o.type}) has no assessment of how the service would return in-house (cost, time, assets, people)`,
    });
  });
  return out;
}
