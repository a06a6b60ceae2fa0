/**
 * The supplier's use of zero-hour contracts must be on the record: a "yes" or "no" needs its
 * source so it can be checked and published; "not declared" is allowed but flagged, since the
 * committee raised zero-hour contracts as a risk of outsourcing.
 */
import type { Finding } from "../../finding.ts";
import type { WorkforceImpact } from "../types.ts";

export function checkZeroHoursDeclared(w: WorkforceImpact): Finding[] {
  const z = w.zeroHours;
  if (z.status === "not-declared") {
    return [
      {
        code: "W-ZERO-HOURS",
        severity: "warning",
        path: "$.zeroHours.status",
        message: "the supplier has not declared whether it uses zero-hour contracts",
      },
    ];
  }
  if (!z.source || z.source.trim() === "") {
    return [
      {
        code: "W-ZERO-HOURS-SOURCE",
        severity: "error",
        path: "$.zeroHours.source",
        message: `a declaration of "${z.status}" on zero-hour contracts needs its source`,
      },
    ];
  }
  return [];
}
