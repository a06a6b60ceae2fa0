/**
 * Only transferred posts can be relocated by the supplier, so the posts relocated (summed over
 * locations) cannot exceed the posts transferred; and each location must be named, because
 * where the jobs go (445 Met posts went to Newport and Newcastle) is what staff and the public ask.
 */
import type { Finding } from "../../finding.ts";
import type { WorkforceImpact } from "../types.ts";

export function checkRelocationWithinTransfer(w: WorkforceImpact): Finding[] {
  const out: Finding[] = [];
  const relocated = w.relocated.reduce((s, r) => s + r.posts, 0);
  if (relocated > w.transferred) {
    out.push({
      code: "W-RELOCATED",
      severity: "error",
      path: "$.relocated",
      message: `${relocated} posts relocated but only ${w.transferred} transferred`,
    });
  }
  w.relocated.forEach((r, i) => {
    if (r.location.trim() === "") {
      out.push({
        code: "W-LOCATION",
        severity: "error",
        path: `$.relocated[${i}].location`,
        message: "relocated posts need a location",
      });
    }
  });
  return out;
}
