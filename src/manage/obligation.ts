/**
 * A contract's obligations that are not KPIs: reports the supplier must send, audits, open-book
 * reviews, the authority's step-in rights to test, insurance to renew. Each has an owner, a due
 * date and a recurrence; marking one complete keeps its evidence and rolls the due date on to
 * the next occurrence (a one-off obligation is then done). One overdue is the kind of thing a
 * committee finds years later ("the open-book review was never held"), so it is shown to the
 * contract manager and the scrutineer from the day after it falls due.
 */
import { addMonths, daysBetween } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, textField } from "./fields.ts";

export const OBLIGATION_KINDS = ["report", "audit", "openBook", "stepIn", "insurance", "other"] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export const OBLIGATION_KIND_WORDS: Record<ObligationKind, string> = {
  report: "Report due",
  audit: "Audit",
  openBook: "Open-book review",
  stepIn: "Step-in rights",
  insurance: "Insurance renewal",
  other: "Other",
};

export const RECURRENCES = ["none", "monthly", "quarterly", "annual"] as const;
export type Recurrence = (typeof RECURRENCES)[number];

const STEP: Record<Recurrence, number> = { none: 0, monthly: 1, quarterly: 3, annual: 12 };

export interface ObligationCompletion {
  dueDate: string;
  completedOn: string;
  evidence: string;
  completedBy: string;
}

export interface ObligationRecord {
  id: string;
  contractId: string;
  kind: ObligationKind;
  title: string;
  owner: string;
  /** The due date of the next occurrence still to do (the last one's when done). */
  dueDate: string;
  recurrence: Recurrence;
  /** open: an occurrence is still to do; done: a one-off completed. */
  status: "open" | "done";
  notes: string;
  demo: boolean;
}

export interface ObligationEntry {
  id: string;
  kind: string;
  title: string;
  owner: string;
  dueDate: string;
  recurrence?: string | undefined;
  notes?: string | undefined;
  demo?: boolean | undefined;
}

function oneOf<T extends string>(v: string, list: readonly T[], path: string): T {
  if (!(list as readonly string[]).includes(v))
    throw new InputError(`expected one of ${list.join(", ")}, got "${v}"`, { location: { path } });
  return v as T;
}

/** The obligation to store; an InputError naming the field when one is not valid. */
export function newObligation(contractId: string, e: ObligationEntry): ObligationRecord {
  return {
    id: textField(e.id, "$.id"),
    contractId,
    kind: oneOf(e.kind, OBLIGATION_KINDS, "$.kind"),
    title: textField(e.title, "$.title"),
    owner: textField(e.owner, "$.owner"),
    dueDate: isoDateField(e.dueDate, "$.dueDate"),
    recurrence: oneOf(e.recurrence ?? "none", RECURRENCES, "$.recurrence"),
    status: "open",
    notes: textField(e.notes, "$.notes", false),
    demo: e.demo === true,
  };
}

/** The due date after this one, or null for a one-off. */
export function nextDueDate(recurrence: Recurrence, dueDate: string): string | null {
  return recurrence === "none" ? null : addMonths(dueDate, STEP[recurrence]);
}

/**
 * Completes the occurrence due now: the completion to keep and the obligation afterwards (due
 * date rolled on, or done). Evidence is required: a completion nobody can show is not one.
 */
export function completeObligation(
  o: ObligationRecord,
  input: { completedOn: string; evidence: string },
  completedBy: string,
): { completion: ObligationCompletion; after: ObligationRecord } {
  if (o.status === "done")
    throw new InputError(`obligation ${o.id} is already complete`, { location: { path: "$" } });
  const completedOn = isoDateField(input.completedOn, "$.completedOn");
  const evidence = textField(input.evidence, "$.evidence");
  const next = nextDueDate(o.recurrence, o.dueDate);
  return {
    completion: { dueDate: o.dueDate, completedOn, evidence, completedBy },
    after: next ? { ...o, dueDate: next } : { ...o, status: "done" },
  };
}

export interface ObligationState {
  /** overdue: the due date is before today and it is not done. */
  state: "open" | "overdue" | "done";
  /** Days from today to the due date (negative when overdue); null when done. */
  daysLeft: number | null;
}

export function obligationState(
  o: Pick<ObligationRecord, "status" | "dueDate">,
  today: string,
): ObligationState {
  if (o.status === "done") return { state: "done", daysLeft: null };
  const daysLeft = daysBetween(today, o.dueDate);
  return { state: daysLeft < 0 ? "overdue" : "open", daysLeft };
}
