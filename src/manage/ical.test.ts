import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Deadline } from "./deadlines.ts";
import { calendarFeed, deadlineUid, escapeText, foldLine, utcStamp } from "./ical.ts";

const deadline: Deadline = {
  contractId: "sscl-bss",
  kind: "end-decision",
  refId: "term",
  date: "2026-12-30",
  title: "Business support services (finance, procurement, HR): decide what follows; it ends 2027-09-30",
  detail: "9 months before the term ends; re-procure, bring in-house or change the contract",
  key: "sscl-bss-end-decision-term-2026-12-30",
};
const at = new Date("2026-12-03T09:15:00Z");

describe("the iCalendar feed (RFC 5545)", () => {
  it("escapes backslash, semicolon, comma and line breaks in TEXT", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });
  it("folds at 75 octets, never inside a UTF-8 character, with CRLF line ends", () => {
    const long = `SUMMARY:${"é".repeat(60)}`;
    const folded = foldLine(long);
    const lines = folded.split("\r\n").filter(Boolean);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(long);
    expect(foldLine("A:b")).toBe("A:b\r\n");
  });
  it("gives each deadline one all-day VEVENT with a stable UID and the contract in its summary", () => {
    const text = calendarFeed([deadline], {
      name: "nous: contract deadlines",
      generatedAt: at,
      baseUrl: "https://nous.example",
    });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const e = events[0]!;
    expect(e.getFirstPropertyValue("uid")).toBe("sscl-bss-end-decision-term-2026-12-30@nous");
    expect(e.getFirstPropertyValue("summary")).toBe(deadline.title);
    const start = e.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString()).toBe("2026-12-30");
    expect((e.getFirstPropertyValue("dtend") as ICAL.Time).toString()).toBe("2026-12-31");
    expect(String(e.getFirstPropertyValue("dtstamp"))).toBe("2026-12-03T09:15:00Z");
    expect(e.getFirstPropertyValue("url")).toBe("https://nous.example/contracts/sscl-bss");
    expect(e.getFirstPropertyValue("description")).toContain(
      "Contract: https://nous.example/contracts/sscl-bss",
    );
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
  });
  it("keeps the UID to characters any calendar accepts", () => {
    expect(deadlineUid({ key: "a b/c-end-of-term-term-2027-01-01" })).toBe(
      "a_b_c-end-of-term-term-2027-01-01@nous",
    );
    expect(utcStamp(at)).toBe("20261203T091500Z");
  });
});
