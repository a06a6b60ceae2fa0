/**
 * What needs a contract manager's attention, as one list: a deadline coming up, a contract past
 * its end still shown as running, a change crossing the UK10 threshold, a billing exception open,
 * a KPI failing or overdue, an obligation overdue. Each area builds its own items; this file holds
 * the one shape they share and the order they are shown in (most urgent first), so the page reads
 * the same whoever made the item.
 */

/** The kinds of item, one per source of attention. */
export type AttentionKind =
  | "deadline"
  | "past-end"
  | "change-notice"
  | "billing-exception"
  | "kpi-failing"
  | "kpi-overdue"
  | "obligation-overdue";

/** high: act now (overdue, or due within 14 days); medium: within 30 days; low: later. */
export type AttentionSeverity = "high" | "medium" | "low";

export interface AttentionItem {
  kind: AttentionKind;
  /** Stable within one answer: e.g. "deadline:<contract>:<deadline kind>:<date>". */
  id: string;
  /** The contract the item is about (its records id), or null if none. */
  contractId: string | null;
  /** The record the item is about (a deadline, change, exception, KPI or obligation id). */
  recordId: string;
  /** What needs doing, in plain words, naming the contract. */
  title: string;
  /** The date it is due (YYYY-MM-DD), or null when it has no date (an open exception). */
  dueDate: string | null;
  /** Days from today to the due date (negative when overdue), or null without a due date. */
  daysLeft: number | null;
  severity: AttentionSeverity;
  /** The dashboard path of the record, e.g. "/contracts/<id>". */
  link: string;
}

const SEVERITY_ORDER: Record<AttentionSeverity, number> = { high: 0, medium: 1, low: 2 };

/** Severity from the days left: overdue or within 14 days high, within 30 medium, else low. */
export function severityForDaysLeft(daysLeft: number | null): AttentionSeverity {
  if (daysLeft === null) return "medium";
  if (daysLeft <= 14) return "high";
  if (daysLeft <= 30) return "medium";
  return "low";
}

/**
 * The items in the order shown: severity first, then the soonest due (undated items after dated
 * ones of the same severity), then title and id so the order is the same on every request.
 */
export function rankAttention(items: readonly AttentionItem[]): AttentionItem[] {
  return [...items].sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s !== 0) return s;
    const da = a.daysLeft ?? Number.POSITIVE_INFINITY;
    const dbb = b.daysLeft ?? Number.POSITIVE_INFINITY;
    if (da !== dbb) return da < dbb ? -1 : 1;
    if (a.title !== b.title) return a.title < b.title ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

const ALL_KINDS: readonly AttentionKind[] = [
  "deadline",
  "past-end",
  "change-notice",
  "billing-exception",
  "kpi-failing",
  "kpi-overdue",
  "obligation-overdue",
];

/**
 * The kinds each role's home page lists: finance checks invoices and pays for contracts, so it
 * sees the billing exceptions, the contracts still billed past their end and the dates; everyone
 * else who manages or scrutinises contracts sees everything.
 */
export function kindsForRole(role: string): readonly AttentionKind[] {
  if (role === "finance") return ["billing-exception", "past-end", "deadline"];
  return ALL_KINDS;
}
