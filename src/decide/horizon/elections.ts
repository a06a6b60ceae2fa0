/**
 * Election calendars and the administrations they delimit. An administration runs from one
 * election day up to (not including) the next. London mayoral elections were held on 4 May
 * 2000, 10 June 2004, 1 May 2008, 3 May 2012,
 * 5 May 2016, 6 May 2021 (postponed from 2020), 2 May 2024 and are due 4 May 2028; after the
 * last listed date, elections follow every `termYears` on the first Thursday of May (the
 * statutory day for ordinary GLA elections) or on the same calendar day, as configured.
 */
import { addMonths, dayNumber, isoDate } from "../../shared/dates.ts";

export interface ElectionCalendar {
  /** Body whose administrations these are, e.g. "Mayor of London". */
  body: string;
  /** Known election days, ISO dates. */
  dates: string[];
  /** Years between elections after the last known date. */
  termYears: number;
  /** How later election days are placed. */
  next: "first-thursday-in-may" | "same-day";
}

export const LONDON_MAYORAL: ElectionCalendar = {
  body: "Mayor of London",
  dates: [
    "2000-05-04",
    "2004-06-10",
    "2008-05-01",
    "2012-05-03",
    "2016-05-05",
    "2021-05-06",
    "2024-05-02",
    "2028-05-04",
  ],
  termYears: 4,
  next: "first-thursday-in-may",
};

export interface Administration {
  /** 1-based, in date order. */
  index: number;
  /** Election day that starts it. */
  from: string;
  /** Next election day (exclusive end). */
  to: string;
  label: string;
}

/** First Thursday of May in a year, ISO. */
export function firstThursdayOfMay(year: number): string {
  const first = dayNumber(`${year}-05-01`);
  // day 0 (1970-01-01) was a Thursday, so a day number's weekday counted from Thursday is n mod 7
  const sinceThursday = ((first % 7) + 7) % 7;
  return isoDate(first + ((7 - sinceThursday) % 7));
}

/** Election days from the calendar, extended until one falls after `until`. */
export function electionDays(cal: ElectionCalendar, until: string): string[] {
  if (cal.dates.length === 0)
    throw new RangeError(`${cal.body}: an election calendar needs at least one date`);
  if (!(cal.termYears >= 1)) throw new RangeError(`${cal.body}: termYears must be at least 1`);
  const days = [...cal.dates].sort();
  const end = dayNumber(until);
  while (dayNumber(days[days.length - 1]!) <= end) {
    const last = days[days.length - 1]!;
    const next =
      cal.next === "first-thursday-in-may"
        ? firstThursdayOfMay(Number(last.slice(0, 4)) + cal.termYears)
        : addMonths(last, 12 * cal.termYears);
    days.push(next);
  }
  return days;
}

/** Administrations covering [first election, until]; a period before the first election is index 0. */
export function administrations(cal: ElectionCalendar, from: string, until: string): Administration[] {
  const days = electionDays(cal, until);
  const out: Administration[] = [];
  if (from < days[0]!) out.push({ index: 0, from, to: days[0]!, label: `before ${days[0]}` });
  for (let i = 0; i + 1 < days.length; i++) {
    out.push({
      index: i + 1,
      from: days[i]!,
      to: days[i + 1]!,
      label: `${days[i]!.slice(0, 4)}-${days[i + 1]!.slice(0, 4)}`,
    });
  }
  return out;
}
