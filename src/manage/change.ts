/**
 * A contract change (a modification under the Procurement Act 2023 s.74), recorded with the
 * value and the term before and after, and whether it needs a contract change notice (UK10):
 * value up or down by more than 10% (15% for works) or the term by more than 10%. The threshold
 * rule itself is the notice's (src/ocds/notices/uk10-change.ts); this file applies it to a
 * recorded change, so the API, the store's readers and the dashboard's preview agree.
 */
import { changeNoticeRequired } from "../ocds/notices/uk10-change.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, penceField, textField } from "./fields.ts";

export interface ChangeEntry {
  id: string;
  changedOn: string;
  works?: boolean | undefined;
  valueBeforePence: number;
  valueAfterPence: number;
  startDate: string;
  endBefore: string;
  endAfter: string;
  description: string;
  rationale: string;
  published?: boolean | undefined;
  demo?: boolean | undefined;
}

/** A change as stored, before its notice assessment. */
export interface ChangeFacts {
  id: string;
  contractId: string;
  changedOn: string;
  works: boolean;
  valueBeforePence: number;
  valueAfterPence: number;
  startDate: string;
  endBefore: string;
  endAfter: string;
  description: string;
  rationale: string;
  published: boolean;
  demo: boolean;
}

/** Whether a change needs a UK10 notice, and why (each reason names the move and the threshold). */
export interface ChangeNotice {
  noticeRequired: boolean;
  noticeReasons: string[];
}

export type ChangeRecord = ChangeFacts & ChangeNotice;

/** The value and term of a change: all the notice rule reads. */
export type ChangeTerms = Pick<
  ChangeFacts,
  "works" | "valueBeforePence" | "valueAfterPence" | "startDate" | "endBefore" | "endAfter"
>;

/** Whether the change needs a contract change notice (UK10), and why. */
export function changeNotice(c: ChangeTerms): ChangeNotice {
  const a = changeNoticeRequired(
    {
      category: c.works ? "works" : "services",
      value: { pence: c.valueBeforePence },
      period: { startDate: c.startDate, endDate: c.endBefore },
    },
    { value: { pence: c.valueAfterPence }, period: { startDate: c.startDate, endDate: c.endAfter } },
  );
  return { noticeRequired: a.required, noticeReasons: a.reasons };
}

/** A stored change with its assessment. */
export function assessedChange(c: ChangeFacts): ChangeRecord {
  return { ...c, ...changeNotice(c) };
}

/**
 * The change to store; an InputError naming the field when a date, a sum or a text is not valid,
 * or a term ends before it starts.
 */
export function newChange(contractId: string, input: ChangeEntry): ChangeRecord {
  const c: ChangeFacts = {
    id: textField(input.id, "$.id"),
    contractId,
    changedOn: isoDateField(input.changedOn, "$.changedOn"),
    works: input.works === true,
    valueBeforePence: penceField(input.valueBeforePence, "$.valueBeforePence"),
    valueAfterPence: penceField(input.valueAfterPence, "$.valueAfterPence"),
    startDate: isoDateField(input.startDate, "$.startDate"),
    endBefore: isoDateField(input.endBefore, "$.endBefore"),
    endAfter: isoDateField(input.endAfter, "$.endAfter"),
    description: textField(input.description, "$.description"),
    rationale: textField(input.rationale, "$.rationale"),
    published: input.published !== false,
    demo: input.demo === true,
  };
  if (c.endBefore < c.startDate)
    throw new InputError("the term before the change ends before it starts", {
      location: { path: "$.endBefore" },
    });
  if (c.endAfter < c.startDate)
    throw new InputError("the term after the change ends before it starts", {
      location: { path: "$.endAfter" },
    });
  return assessedChange(c);
}
