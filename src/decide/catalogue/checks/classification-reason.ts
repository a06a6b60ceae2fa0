/**
 * Each service's core / non-core classification carries its reason: the line between "core
 * policing" and everything else decides what may be outsourced, so it must be argued, not assumed.
 */
import type { Finding } from "../../finding.ts";
import type { Catalogue } from "../types.ts";

export function checkClassificationReason(c: Catalogue): Finding[] {
  return c.services.flatMap((s, i) =>
    s.classification.reason.trim() === ""
      ? [
          {
            code: "C-REASON",
            severity: "error" as const,
            path: `$.services[${i}].classification.reason`,
            message: `service "${s.id}" is classified ${s.classification.class} without a reason`,
          },
        ]
      : [],
  );
}
