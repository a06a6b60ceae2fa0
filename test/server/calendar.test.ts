/**
 * The iCalendar feed over HTTP: it parses as RFC 5545 with an independent parser (ical.js), one
 * event per deadline with the contract in its summary and a link to its page, UIDs stable across
 * requests; the public sees published contracts only, a staff feed is reached with an API token
 * in the URL (a calendar application sends no cookie), and a wrong token is refused.
 */
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, startDemoServer } from "./helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server.close();
});

async function feed(query = "", headers: Record<string, string> = {}) {
  const res = await fetch(`${server.base}/api/calendar.ics${query}`, { headers });
  return { res, text: await res.text() };
}

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((e) => ({
    uid: String(e.getFirstPropertyValue("uid")),
    summary: String(e.getFirstPropertyValue("summary")),
    start: e.getFirstPropertyValue("dtstart") as ICAL.Time,
    url: String(e.getFirstPropertyValue("url")),
  }));
}

describe("GET /api/calendar.ics", () => {
  it("is text/calendar that ical.js parses, one all-day event per deadline with stable UIDs", async () => {
    const a = await feed();
    expect(a.res.status).toBe(200);
    expect(a.res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(a.text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const first = events(a.text);
    expect(first.length).toBeGreaterThan(3);
    const sscl = first.find((e) => e.uid === "sscl-bss-end-decision-term-2026-12-30@nous");
    expect(sscl?.summary).toContain(
      "Business support services (finance, procurement, HR): decide what follows",
    );
    expect(sscl?.start.isDate).toBe(true);
    expect(sscl?.start.toString()).toBe("2026-12-30");
    expect(sscl?.url).toBe(`${server.base}/contracts/sscl-bss`);
    expect(first.find((e) => e.uid.startsWith("em-tagging-end-of-term"))?.start.toString()).toBe(
      "2026-03-31",
    );
    const second = events((await feed()).text);
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid));
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length);
  });

  it("shows the public published contracts only; staff with a token in the URL see all", async () => {
    const add = await fetch(`${server.base}/api/contracts`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${server.tokens["contract-manager"]}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        id: "unpublished-cal",
        title: "Unpublished cleaning contract",
        buyer: "MOPAC",
        supplier: "Clean Co",
        awardedOn: "2026-01-01",
        startDate: "2026-02-01",
        endDate: "2027-01-31",
        reason: "test",
      }),
    });
    expect(add.status).toBe(201);
    const pub = events((await feed()).text);
    expect(pub.some((e) => e.uid.startsWith("unpublished-cal-"))).toBe(false);
    const staff = await feed(`?token=${encodeURIComponent(server.tokens["scrutineer"] ?? "")}`);
    expect(staff.res.status).toBe(200);
    expect(staff.res.headers.get("cache-control")).toBe("private, no-store");
    expect(events(staff.text).find((e) => e.uid.startsWith("unpublished-cal-"))?.summary).toBe(
      "Unpublished cleaning contract: term ends",
    );
    const bearer = await feed("", { authorization: `Bearer ${server.tokens["finance"]}` });
    expect(events(bearer.text).some((e) => e.uid.startsWith("unpublished-cal-"))).toBe(true);
  });

  it("refuses a token that is not valid instead of falling back to the public feed", async () => {
    const bad = await feed("?token=nous_not-a-token");
    expect(bad.res.status).toBe(401);
    expect(bad.res.headers.get("content-type")).toContain("application/problem+json");
    expect(bad.text).toContain("the calendar token is not valid");
    expect((await feed("?token=")).res.status).toBe(401);
  });
});
