/**
 * A contract's term as the contract sets it: the initial term, the options to extend it (each
 * taken, declined or still pending), the break points at which the buyer may end it early, and
 * the notice each needs. The end a contract runs to today follows from these (the initial end,
 * moved by every option taken, cut short by a notice given), so it is computed, never stored
 * beside them to go stale. A notice period is in whole months, as contracts state them; the last
 * day to give notice is the date that many months before (src/shared/dates.ts addMonths clamps
 * to a month's last day).
 */
import { addMonths, dayNumber } from "../shared/dates.ts";
import { InputError } from "../shared/errors.ts";
import { isoDateField, textField } from "./fields.ts";

export const OPTION_STATES = ["taken", "declined", "pending"] as const;
export type OptionState = (typeof OPTION_STATES)[number];

export const NOTICE_KINDS = ["break", "non-extension", "termination"] as const;
/** break: at a break point; non-extension: an option will not be taken; termination: otherwise. */
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The longest notice period accepted, in months (10 years): beyond it a figure is a typo. */
export const MAX_NOTICE_MONTHS = 120;

export interface ExtensionOption {
  id: string;
  /** The end date the option extends from (the last day of the term before it). */
  fromDate: string;
  /** The last day of the term if it is taken. */
  toDate: string;
  state: OptionState;
  /** Months before `fromDate` by which the buyer must say whether it takes the option. */
  noticeMonths: number;
  /** When it was taken or declined, if known. */
  decidedOn: string | null;
  note: string;
}

export interface BreakPoint {
  id: string;
  /** The date the contract may end at this break (its last day). */
  on: string;
  /** Months before `on` by which notice to break must be given. */
  noticeMonths: number;
  note: string;
}

/** A notice given to end the contract: from `givenOn` it is in notice; its last day is `endsOn`. */
export interface GivenNotice {
  kind: NoticeKind;
  givenOn: string;
  endsOn: string;
}

export interface ContractTerm {
  contractId: string;
  /** The last day of the initial term, before any option. */
  initialEndDate: string;
  options: ExtensionOption[];
  breakPoints: BreakPoint[];
  /**
   * Months before the term's end by which the buyer must decide what follows (re-procure,
   * extend, bring in-house) and give any notice the contract needs: the deadline that warns of
   * an end with no option left.
   */
  endNoticeMonths: number;
  notice: GivenNotice | null;
  source: string;
  demo: boolean;
}

/** The last day to give notice of something that takes effect on `date`, with `months` of notice. */
export function noticeDeadline(date: string, months: number): string {
  return addMonths(date, -months);
}

/** The end the taken options run to: the latest `toDate` of a taken option, else the initial end. */
export function extendedEnd(term: Pick<ContractTerm, "initialEndDate" | "options">): string {
  let end = term.initialEndDate;
  for (const o of term.options) if (o.state === "taken" && o.toDate > end) end = o.toDate;
  return end;
}

/** The last day the contract runs to: the extended end, or a notice's end when that is sooner. */
export function currentEnd(term: Pick<ContractTerm, "initialEndDate" | "options" | "notice">): string {
  const end = extendedEnd(term);
  return term.notice && term.notice.endsOn < end ? term.notice.endsOn : end;
}

/** The latest end the contract could reach: every option not declined taken. */
export function maximumEnd(term: Pick<ContractTerm, "initialEndDate" | "options">): string {
  let end = term.initialEndDate;
  for (const o of term.options) if (o.state !== "declined" && o.toDate > end) end = o.toDate;
  return end;
}

function months(v: number, path: string): number {
  if (!Number.isInteger(v) || v < 0 || v > MAX_NOTICE_MONTHS)
    throw new InputError(`expected whole months from 0 to ${MAX_NOTICE_MONTHS}, got ${v}`, {
      location: { path },
    });
  return v;
}

function oneOf<T extends string>(v: string, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly string[]).includes(v))
    throw new InputError(`expected one of ${allowed.join(", ")}, got "${v}"`, { location: { path } });
  return v as T;
}

export interface TermEntry {
  initialEndDate: string;
  endNoticeMonths: number;
  options?: readonly (Omit<ExtensionOption, "decidedOn" | "note"> & {
    decidedOn?: string | null | undefined;
    note?: string | undefined;
  })[];
  breakPoints?: readonly (Omit<BreakPoint, "note"> & { note?: string | undefined })[];
  notice?: GivenNotice | null | undefined;
  source?: string | undefined;
  demo?: boolean | undefined;
}

/**
 * The term to store, checked: every date real, each option ending after it starts, ids unique,
 * a notice ending on or after it is given. An InputError names the JSON path of the bad field.
 * `startDate` (the contract's, when known) must come before the initial end.
 */
export function newTerm(contractId: string, startDate: string | null, input: TermEntry): ContractTerm {
  const initialEndDate = isoDateField(input.initialEndDate, "$.initialEndDate");
  if (startDate && dayNumber(initialEndDate) < dayNumber(startDate))
    throw new InputError(
      `the initial term ends (${initialEndDate}) before the contract starts (${startDate})`,
      {
        location: { path: "$.initialEndDate" },
      },
    );
  const seen = new Set<string>();
  const uniqueId = (id: string, path: string) => {
    const s = textField(id, path);
    if (seen.has(s)) throw new InputError(`the id "${s}" is used twice`, { location: { path } });
    seen.add(s);
    return s;
  };
  const options = (input.options ?? []).map((o, i): ExtensionOption => {
    const at = `$.options[${i}]`;
    const fromDate = isoDateField(o.fromDate, `${at}.fromDate`);
    const toDate = isoDateField(o.toDate, `${at}.toDate`);
    if (toDate <= fromDate)
      throw new InputError(`the option ends (${toDate}) on or before the end it extends (${fromDate})`, {
        location: { path: `${at}.toDate` },
      });
    return {
      id: uniqueId(o.id, `${at}.id`),
      fromDate,
      toDate,
      state: oneOf(o.state, OPTION_STATES, `${at}.state`),
      noticeMonths: months(o.noticeMonths, `${at}.noticeMonths`),
      decidedOn: o.decidedOn ? isoDateField(o.decidedOn, `${at}.decidedOn`) : null,
      note: textField(o.note, `${at}.note`, false),
    };
  });
  const breakPoints = (input.breakPoints ?? []).map(
    (b, i): BreakPoint => ({
      id: uniqueId(b.id, `$.breakPoints[${i}].id`),
      on: isoDateField(b.on, `$.breakPoints[${i}].on`),
      noticeMonths: months(b.noticeMonths, `$.breakPoints[${i}].noticeMonths`),
      note: textField(b.note, `$.breakPoints[${i}].note`, false),
    }),
  );
  let notice: GivenNotice | null = null;
  if (input.notice) {
    const givenOn = isoDateField(input.notice.givenOn, "$.notice.givenOn");
    const endsOn = isoDateField(input.notice.endsOn, "$.notice.endsOn");
    if (endsOn < givenOn)
      throw new InputError(`the notice ends (${endsOn}) before it is given (${givenOn})`, {
        location: { path: "$.notice.endsOn" },
      });
    notice = { kind: oneOf(input.notice.kind, NOTICE_KINDS, "$.notice.kind"), givenOn, endsOn };
  }
  return {
    contractId,
    initialEndDate,
    options: [...options].sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0)),
    breakPoints: [...breakPoints].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
    endNoticeMonths: months(input.endNoticeMonths, "$.endNoticeMonths"),
    notice,
    source: textField(input.source, "$.source", false),
    demo: input.demo ?? false,
  };
}
