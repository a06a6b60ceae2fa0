/**
 * ISO calendar dates (YYYY-MM-DD) and day numbers. A day number is the count of days since
 * 1970-01-01, so date arithmetic is integer arithmetic with no time zones involved.
 */
import { InputError } from "./errors.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** "2015-08-01" -> day number, or null when the text is not a real calendar date. */
export function tryDayNumber(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

export function dayNumber(text: string): number {
  const n = tryDayNumber(text);
  if (n === null) throw new InputError(`expected a date YYYY-MM-DD, got "${text}"`);
  return n;
}

/** Day number -> "YYYY-MM-DD". */
export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  return tryDayNumber(text) !== null;
}

/** Whole days from a to b (b - a), both ISO dates. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds months to an ISO date, clamping to the month's last day (2015-01-31 + 1 -> 2015-02-28). */
export function addMonths(date: string, months: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new InputError(`expected a date YYYY-MM-DD, got "${date}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1 + months;
  const targetYear = y + Math.floor(mo / 12);
  const targetMonth = ((mo % 12) + 12) % 12;
  const last = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), last);
  return isoDate(Date.UTC(targetYear, targetMonth, day) / MS_PER_DAY);
}

const LONDON_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * "Today" as nous means it: the calendar date in Europe/London (so 00:30 BST on 1 April is
 * 1 April, though UTC still says 31 March), as YYYY-MM-DD. Use cases and adapters call this and
 * pass the result in; engines never read the clock. `now` is for tests.
 */
export function todayInLondon(now: Date = new Date()): string {
  return LONDON_DAY.format(now);
}
