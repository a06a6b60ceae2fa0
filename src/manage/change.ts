/**
 * A contract change (a modification under the Procurement Act 2023 s.74), recorded with the
 * value and the term before and after, and whether it needs a contract change notice (UK10).
 * s.75(2): no notice when the value moves up or down by 10 per cent or less (15 per cent for
 * works) and the term by 10 per cent or less "of the maximum term provided for on award"; so
 * more than that, either way, needs one. A reduction counts as a change. The term test is
 * measured against the maximum term on award when the change knows it (`maxTermEnd`); a change
 * recorded without it is measured against the term before the change, and says so. The history
 * of versions, their aggregation (s.75(4)-(5)) and the transitional rules for a contract awarded
 * under the Public Contracts Regulations 2015 are src/manage/variation.ts.
 */
import { daysBetween } from "../shared/dates.ts";
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
> & {
  /** End of the maximum term provided for on award (all options taken), when known. */
  maxTermEnd?: string | undefined;
};

/** |part| / whole as a percentage with one decimal, rounded down. */
function pct(part: number, whole: number): string {
  if (whole <= 0) return "an unbounded share";
  const tenths = (BigInt(Math.abs(part)) * 1000n) / BigInt(whole);
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** |part| is more than `limit` per cent of whole, on integers. */
const moreThan = (part: number, whole: number, limit: number) =>
  whole <= 0 ? part !== 0 : BigInt(Math.abs(part)) * 100n > BigInt(whole) * BigInt(limit);

/** Whether the change needs a contract change notice (UK10), and why. */
export function changeNotice(c: ChangeTerms): ChangeNotice {
  const reasons: string[] = [];
  const limit = c.works ? 15 : 10;
  const valueDelta = c.valueAfterPence - c.valueBeforePence;
  if (moreThan(valueDelta, c.valueBeforePence, limit))
    reasons.push(
      `value changes by ${pct(valueDelta, c.valueBeforePence)}, more than ${limit}.0%${c.works ? " (works)" : ""}`,
    );
  const termDelta = daysBetween(c.endBefore, c.endAfter);
  const base = c.maxTermEnd ?? c.endBefore;
  const baseDays = daysBetween(c.startDate, base);
  if (moreThan(termDelta, baseDays, 10))
    reasons.push(
      `term changes by ${pct(termDelta, baseDays)} of the ${c.maxTermEnd ? "maximum term provided for on award" : "term before the change (the maximum term on award is not recorded)"}, more than 10.0%`,
    );
  return { noticeRequired: reasons.length > 0, noticeReasons: reasons };
}

/** A stored change with its assessment (one argument, so it can be passed to `map`). */
export function assessedChange(c: ChangeFacts): ChangeRecord {
  return { ...c, ...changeNotice(c) };
}

/** A stored change assessed against the maximum term provided for on award. */
export function assessedAgainstAward(c: ChangeFacts, maxTermEnd: string): ChangeRecord {
  return { ...c, ...changeNotice({ ...c, maxTermEnd }) };
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
