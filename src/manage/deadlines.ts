/**
 * The deadlines a contract's term implies, the dates a contract manager must not miss: the last
 * day to say whether an extension option is taken, the last day to give notice to break at each
 * break point, the last day to decide what follows the term when no option is left, and the end
 * of the term itself. A missed notice date means a contract runs on (or ends) whether or not the
 * buyer wanted it to, so each one is dated from the term, never typed in beside it.
 */
import { daysBetween } from "../shared/dates.ts";
import { type ContractTerm, currentEnd, extendedEnd, noticeDeadline } from "./term.ts";

export const DEADLINE_KINDS = ["option-decision", "break-notice", "end-decision", "end-of-term"] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  contractId: string;
  kind: DeadlineKind;
  /** The option or break point it belongs to, or "term". */
  refId: string;
  date: string;
  /** What must be done by the date, naming the contract. */
  title: string;
  /** How the date follows from the term. */
  detail: string;
  /** Stable across requests and edits of anything but this deadline: `<contract>-<kind>-<ref>-<date>`. */
  key: string;
}

/** What the deadlines (and the status, src/manage/status.ts) are computed from. */
export interface DatedContract {
  id: string;
  title: string;
  awardedOn: string | null;
  startDate: string | null;
  /** The end date as the register records it: used only when no term is stored. */
  endDate: string | null;
  term: ContractTerm | null;
  /** The day a recorded termination took effect (its last day), if one is recorded. */
  terminatedOn: string | null;
  /** Whether the recorded termination was the term running out ("expiry"). */
  terminatedByExpiry: boolean;
}

const monthsWord = (n: number) => `${n} month${n === 1 ? "" : "s"}`;

function deadline(
  c: DatedContract,
  kind: DeadlineKind,
  refId: string,
  date: string,
  title: string,
  detail: string,
): Deadline {
  return { contractId: c.id, kind, refId, date, title, detail, key: `${c.id}-${kind}-${refId}-${date}` };
}

/** Every deadline of the contract, earliest first (none once a termination is recorded but its end). */
export function contractDeadlines(c: DatedContract): Deadline[] {
  const out: Deadline[] = [];
  const t = c.term;
  if (c.terminatedOn) {
    out.push(
      deadline(
        c,
        "end-of-term",
        "term",
        c.terminatedOn,
        `${c.title}: ends`,
        "The recorded termination's date.",
      ),
    );
    return out;
  }
  if (!t) {
    if (c.endDate)
      out.push(
        deadline(
          c,
          "end-of-term",
          "term",
          c.endDate,
          `${c.title}: term ends`,
          "The end date in the register.",
        ),
      );
    return out;
  }
  const end = currentEnd(t);
  if (!t.notice) {
    for (const o of t.options) {
      if (o.state !== "pending") continue;
      out.push(
        deadline(
          c,
          "option-decision",
          o.id,
          noticeDeadline(o.fromDate, o.noticeMonths),
          `${c.title}: last day to decide on extension option ${o.id} (to ${o.toDate})`,
          `${monthsWord(o.noticeMonths)} before the term it extends ends on ${o.fromDate}.`,
        ),
      );
    }
    for (const b of t.breakPoints) {
      if (b.on >= end) continue;
      out.push(
        deadline(
          c,
          "break-notice",
          b.id,
          noticeDeadline(b.on, b.noticeMonths),
          `${c.title}: last day to give notice to break on ${b.on}`,
          `${monthsWord(b.noticeMonths)} before break point ${b.id} on ${b.on}.`,
        ),
      );
    }
    const extended = extendedEnd(t);
    const optionLeft = t.options.some((o) => o.state === "pending" && o.fromDate === extended);
    if (!optionLeft)
      out.push(
        deadline(
          c,
          "end-decision",
          "term",
          noticeDeadline(end, t.endNoticeMonths),
          `${c.title}: decide what follows the contract (no extension option left; it ends ${end})`,
          `${monthsWord(t.endNoticeMonths)} before the term ends on ${end}: re-procure, bring in-house or change the contract, and give the notice that needs.`,
        ),
      );
  }
  out.push(
    deadline(
      c,
      "end-of-term",
      "term",
      end,
      `${c.title}: term ends`,
      t.notice
        ? `The ${t.notice.kind} notice given on ${t.notice.givenOn} ends it.`
        : "The last day of the term with the options taken.",
    ),
  );
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.key < b.key ? -1 : 1));
}

/** The first deadline on or after today, or null. */
export function nextDeadline(deadlines: readonly Deadline[], today: string): Deadline | null {
  let best: Deadline | null = null;
  for (const d of deadlines) if (d.date >= today && (!best || d.date < best.date)) best = d;
  return best;
}

/** Days from today to the deadline (0 on the day, negative once past). */
export function daysLeft(d: Pick<Deadline, "date">, today: string): number {
  return daysBetween(today, d.date);
}
