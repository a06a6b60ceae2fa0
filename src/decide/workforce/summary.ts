/**
 * Workforce summary for a committee: posts in scope and the share transferred, retained,
 * made redundant and relocated (by location), the zero-hours declaration, and the findings of
 * every workforce check.
 */
import type { Finding } from "../finding.ts";
import { checkPostsBalance } from "./checks/posts-balance.ts";
import { checkRelocationWithinTransfer } from "./checks/relocation-within-transfer.ts";
import { checkWholeNumbers } from "./checks/whole-numbers.ts";
import { checkZeroHoursDeclared } from "./checks/zero-hours-declared.ts";
import type { WorkforceImpact, ZeroHoursDeclaration } from "./types.ts";

export const WORKFORCE_CHECKS = [
  checkWholeNumbers,
  checkPostsBalance,
  checkRelocationWithinTransfer,
  checkZeroHoursDeclared,
];

export interface WorkforceSummary {
  service: string;
  postsInScope: number;
  transferred: number;
  retained: number;
  redundant: number;
  relocatedTotal: number;
  /** Shares of posts in scope (0 when none are in scope). */
  shareTransferred: number;
  shareRetained: number;
  shareRedundant: number;
  shareRelocated: number;
  relocatedByLocation: Array<{ location: string; posts: number }>;
  zeroHours: ZeroHoursDeclaration;
  findings: Finding[];
}

export function workforceSummary(w: WorkforceImpact): WorkforceSummary {
  const share = (n: number) => (w.postsInScope > 0 ? n / w.postsInScope : 0);
  const byLocation = new Map<string, number>();
  for (const r of w.relocated) byLocation.set(r.location, (byLocation.get(r.location) ?? 0) + r.posts);
  const relocatedTotal = w.relocated.reduce((s, r) => s + r.posts, 0);
  return {
    service: w.service,
    postsInScope: w.postsInScope,
    transferred: w.transferred,
    retained: w.retained,
    redundant: w.redundant,
    relocatedTotal,
    shareTransferred: share(w.transferred),
    shareRetained: share(w.retained),
    shareRedundant: share(w.redundant),
    shareRelocated: share(relocatedTotal),
    relocatedByLocation: [...byLocation]
      .map(([location, posts]) => ({ location, posts }))
      .sort((a, b) => b.posts - a.posts),
    zeroHours: w.zeroHours,
    findings: WORKFORCE_CHECKS.flatMap((check) => check(w)),
  };
}
