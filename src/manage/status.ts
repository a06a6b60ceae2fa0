/**
 * A contract's status on a given day, derived from its dates: awarded (not started), active,
 * extended (running in an option period), in notice (a notice to end it has been given), expired
 * (its term ran out) or terminated (ended early). A status stored as a flag goes stale the day a
 * term ends (an expired contract still "active" months later, as the committee found); derived
 * from the dates and today's date it cannot. A contract not yet awarded is "not awarded".
 */
import type { DatedContract } from "./deadlines.ts";
import { currentEnd } from "./term.ts";

export const CONTRACT_STATUSES = [
  "not awarded",
  "awarded",
  "active",
  "extended",
  "in notice",
  "expired",
  "terminated",
] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The status on `today` (YYYY-MM-DD). End dates are the last day of service, so the day after it is over. */
export function contractStatus(c: DatedContract, today: string): ContractStatus {
  if (c.terminatedOn) {
    if (today > c.terminatedOn) return c.terminatedByExpiry ? "expired" : "terminated";
    return "in notice";
  }
  if (!c.awardedOn) return "not awarded";
  if (!c.startDate || today < c.startDate) return "awarded";
  const t = c.term;
  const end = t ? currentEnd(t) : c.endDate;
  if (end && today > end) {
    if (t?.notice && t.notice.kind !== "non-extension") return "terminated";
    return "expired";
  }
  if (t?.notice && today >= t.notice.givenOn) return "in notice";
  if (t && today > t.initialEndDate) return "extended";
  return "active";
}

/** Whether the contract is past its end on `today` (by its dates alone). */
export function isPastEnd(c: DatedContract, today: string): boolean {
  const s = contractStatus(c, today);
  return s === "expired" || s === "terminated";
}
