/**
 * A core service placed in a market-testing wave is flagged: either the classification or the
 * pipeline is wrong (the Met's market testing was meant to cover "all but core policing functions").
 */
import type { Finding } from "../../finding.ts";
import type { Catalogue } from "../types.ts";

export function checkCoreInWave(c: Catalogue): Finding[] {
  const byId = new Map(c.services.map((s) => [s.id, s]));
  const out: Finding[] = [];
  c.waves.forEach((w, i) => {
    w.services.forEach((id, j) => {
      if (byId.get(id)?.classification.class === "core") {
        out.push({
          code: "C-CORE",
          severity: "warning",
          path: `$.waves[${i}].services[${j}]`,
          message: `core service "${id}" is in market-testing wave "${w.id}"`,
        });
      }
    });
  });
  return out;
}
