/**
 * Contract deadlines as an iCalendar feed (RFC 5545), which Outlook, Google Calendar and Apple
 * Calendar subscribe to: one all-day VEVENT per deadline (DTSTART;VALUE=DATE, DTEND the day
 * after, s.3.6.1), a UID stable for the same deadline on every request (so a calendar updates an
 * event instead of adding a copy), the contract named in SUMMARY and a link to its page. Lines
 * end in CRLF and are folded at 75 octets without splitting a UTF-8 character (s.3.1); TEXT
 * values escape backslash, semicolon, comma and line breaks (s.3.3.11). The time stamp is passed
 * in: the engine reads no clock.
 */
import { dayNumber, isoDate } from "../shared/dates.ts";
import type { Deadline } from "./deadlines.ts";

const MAX_OCTETS = 75;

/** A TEXT value escaped as RFC 5545 s.3.3.11 says. */
export function escapeText(v: string): string {
  return v
    .replaceAll("\\", "\\\\")
    .replaceAll(";", "\\;")
    .replaceAll(",", "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/** One content line folded at 75 octets (continuations start with a space), each ending CRLF. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + n > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return `${out.map((l, i) => (i === 0 ? l : ` ${l}`)).join("\r\n")}\r\n`;
}

/** "2027-09-30" -> "20270930". */
const basicDate = (iso: string) => iso.replaceAll("-", "");

/** A UID part: only characters safe in any calendar's id handling. */
const uidPart = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "_");

/** The deadline's UID: `<contract>-<kind>-<ref>-<date>@nous`, the same on every request. */
export function deadlineUid(d: Pick<Deadline, "key">): string {
  return `${uidPart(d.key)}@nous`;
}

export interface CalendarOptions {
  /** The feed's name, shown by the calendar application. */
  name: string;
  /** When the feed is generated, as an instant: used for every DTSTAMP (UTC). */
  generatedAt: Date;
  /** The dashboard's base URL ("https://nous.example"), or "" to leave the URL property out. */
  baseUrl: string;
}

/** "2026-12-03T09:15:00.000Z" -> "20261203T091500Z". */
export function utcStamp(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** The contract page's path. */
export const contractPath = (contractId: string) => `/contracts/${encodeURIComponent(contractId)}`;

/** The whole feed: a VCALENDAR with one VEVENT per deadline, in the order given. */
export function calendarFeed(deadlines: readonly Deadline[], opts: CalendarOptions): string {
  const stamp = utcStamp(opts.generatedAt);
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//nous//contract deadlines//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(opts.name)}`,
  ];
  for (const d of deadlines) {
    const link = `${opts.baseUrl}${contractPath(d.contractId)}`;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${deadlineUid(d)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(d.date)}`,
      `DTEND;VALUE=DATE:${basicDate(isoDate(dayNumber(d.date) + 1))}`,
      `SUMMARY:${escapeText(d.title)}`,
      `DESCRIPTION:${escapeText(`${d.detail}\nContract: ${link}`)}`,
      `CATEGORIES:${escapeText(d.kind)}`,
      "TRANSP:TRANSPARENT",
    );
    if (opts.baseUrl) lines.push(`URL:${link}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("");
}
