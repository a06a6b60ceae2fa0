/**
 * Waves must name services in the catalogue, each in at most one wave: a wave that names an
 * unknown service, or tests the same service twice, makes the pipeline's totals wrong.
 */
import type { Finding } from "../../finding.ts";
import type { Catalogue } from "../types.ts";

export function checkWaveReferences(c: Catalogue): Finding[] {
  const known = new Set(c.services.map((s) => s.id));
  const placed = new Map<string, string>();
  const out: Finding[] = [];
  c.waves.forEach((w, i) => {
    w.services.forEach((id, j) => {
      const path = `$.waves[${i}].services[${j}]`;
      if (!known.has(id))
        out.push({
          code: "C-UNKNOWN",
          severity: "error",
          path,
          message: `wave "${w.id}" names unknown service "${id}"`,
        });
      const other = placed.get(id);
      if (other !== undefined) {
        out.push({
          code: "C-TWICE",
          severity: "warning",
          path,
          message: `service "${id}" is in waves "${other}" and "${w.id}"`,
        });
      } else placed.set(id, w.id);
    });
  });
  return out;
}
