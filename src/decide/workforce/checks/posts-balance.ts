/**
 * Every post in scope must end up somewhere: transferred + retained + redundant = in scope.
 * A gap means posts the decision has not accounted for (the committee asked what happens to
 * the staff; an unbalanced answer is not an answer).
 */
import type { Finding } from "../../finding.ts";
import type { WorkforceImpact } from "../types.ts";

export function checkPostsBalance(w: WorkforceImpact): Finding[] {
  const sum = w.transferred + w.retained + w.redundant;
  if (sum === w.postsInScope) return [];
  const diff = w.postsInScope - sum;
  return [
    {
      code: "W-BALANCE",
      severity: "error",
      path: "$.postsInScope",
      message:
        `transferred (${w.transferred}) + retained (${w.retained}) + redundant (${w.redundant}) = ${sum}, ` +
        `but ${w.postsInScope} posts are in scope: ${Math.abs(diff)} post${Math.abs(diff) === 1 ? "" : "s"} ${diff > 0 ? "unaccounted for" : "counted twice"}`,
    },
  ];
}
