/**
 * A contract as typed into a form, and what is wrong with it in the words a person uses: shared
 * by /contracts/new and the contract form's base fields (ContractPartiesFields). Also the record
 * id every "new" form derives from a title (slugOf).
 */
import { parseMoneyInput } from "../money-input.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A record id from a title: "SSCL business support" -> "sscl-business-support". */
export function slugOf(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
}

export interface Typed {
  title: string;
  id: string;
  buyer: string;
  supplier: string;
  description: string;
  value: string;
  savings: string;
  awardedOn: string;
  startDate: string;
  endDate: string;
  maxEndDate: string;
  reason: string;
}

/** What is wrong with the form as typed, field by field, in the words a person uses. */
export function contractProblems(t: Typed): Partial<Record<keyof Typed, string>> {
  const p: Partial<Record<keyof Typed, string>> = {};
  if (!t.title.trim()) p.title = "Give the contract a title.";
  const id = t.id || slugOf(t.title);
  if (!SLUG.test(id))
    p.id = "The reference is lower-case letters, digits and hyphens, starting with a letter or digit.";
  if (!t.buyer.trim()) p.buyer = "Name the buyer (the authority that let the contract).";
  if (!t.supplier.trim()) p.supplier = "Name the supplier (for a joint venture, the venture's name).";
  for (const [k, label] of [
    ["value", "The value"],
    ["savings", "The savings claimed"],
  ] as const) {
    const m = parseMoneyInput(t[k]);
    if ("problem" in m) p[k] = `${label}: ${m.problem}`;
    else if (k === "value" && "pence" in m && m.pence < 0) p.value = "The value cannot be below £0.";
  }
  for (const [k, label] of [
    ["awardedOn", "The award date"],
    ["startDate", "The start date"],
    ["endDate", "The end date"],
    ["maxEndDate", "The latest possible end date"],
  ] as const)
    if (t[k] && !DATE.test(t[k])) p[k] = `${label} is a date such as 2015-08-28.`;
  if (t.startDate && t.endDate && DATE.test(t.startDate) && DATE.test(t.endDate) && t.endDate < t.startDate)
    p.endDate = "The end date is before the start date.";
  if (
    t.endDate &&
    t.maxEndDate &&
    DATE.test(t.maxEndDate) &&
    DATE.test(t.endDate) &&
    t.maxEndDate < t.endDate
  )
    p.maxEndDate = "The latest possible end (with every extension taken) is before the end date.";
  if (!t.reason.trim()) p.reason = "Say why the contract is added: the audit trail keeps it.";
  return p;
}
