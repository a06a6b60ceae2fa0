/**
 * How a contract ended (reported in a UK11 contract termination notice, Procurement Act 2023
 * s.80): when, why, and the total paid. The reasons and their words are said once here, for the
 * API's checks and the dashboard's choices alike.
 */
import type { TerminationReason } from "../ocds/notices/uk11-termination.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, penceField, textField } from "./fields.ts";

export type { TerminationReason };

export const TERMINATION_REASONS: readonly TerminationReason[] = [
  "expiry",
  "breach",
  "convenience",
  "mutualAgreement",
  "other",
];

/** Each reason as a choice is labelled. */
export const TERMINATION_WORDS: Record<TerminationReason, string> = {
  expiry: "Expired at the end of its term",
  breach: "Terminated for breach",
  convenience: "Terminated for convenience",
  mutualAgreement: "Ended by mutual agreement",
  other: "Other",
};

export function isTerminationReason(v: string): v is TerminationReason {
  return (TERMINATION_REASONS as readonly string[]).includes(v);
}

export interface TerminationEntry {
  terminatedOn: string;
  reason: string;
  explanation?: string | undefined;
  totalPaidPence: number;
  published?: boolean | undefined;
  demo?: boolean | undefined;
}

export interface TerminationRecord {
  contractId: string;
  terminatedOn: string;
  reason: TerminationReason;
  explanation: string;
  totalPaidPence: number;
  published: boolean;
  demo: boolean;
}

/**
 * The termination to store for a contract that started on `contractStart` (null when the
 * register has no start date); an InputError naming the field when the reason is not one of
 * TERMINATION_REASONS, "other" is not explained, a date or sum is not valid, or the contract
 * ended before it started.
 */
export function newTermination(
  contractId: string,
  contractStart: string | null,
  input: TerminationEntry,
): TerminationRecord {
  const reason = input.reason;
  if (!isTerminationReason(reason))
    throw new InputError(`expected a reason of ${TERMINATION_REASONS.join(", ")}, got "${reason}"`, {
      location: { path: "$.reason" },
    });
  const t: TerminationRecord = {
    contractId,
    terminatedOn: isoDateField(input.terminatedOn, "$.terminatedOn"),
    reason,
    explanation: textField(input.explanation, "$.explanation", reason === "other"),
    totalPaidPence: penceField(input.totalPaidPence, "$.totalPaidPence"),
    published: input.published !== false,
    demo: input.demo === true,
  };
  if (contractStart && t.terminatedOn < contractStart)
    throw new InputError(`the contract started on ${contractStart}, after the termination date`, {
      location: { path: "$.terminatedOn" },
    });
  return t;
}
