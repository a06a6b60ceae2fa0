/**
 * The dashboard's pure helpers: which values carry a demo badge, how routes match, where
 * sign-in returns to, which decisions are flagged budget-driven, and how money reads.
 */
import { describe, expect, it } from "vitest";
import { hasFlag } from "../../web/src/components/Timeline.tsx";
import { demoNote, formatDate, formatTimestamp, moneyFull, moneyShort } from "../../web/src/format.ts";
import { safeNext } from "../../web/src/pages/LoginPage.tsx";
import { matchPath, queryParam } from "../../web/src/router.tsx";

describe("demoNote", () => {
  it("matches a field by its camelCase name", () => {
    expect(demoNote(["staff", "volumes"], "staff")).toBe("invented for the demo");
    expect(demoNote(["staff", "volumes"], "owner")).toBeNull();
  });

  it("matches a pence field listed in pounds", () => {
    expect(demoNote(["annualCostPounds"], "annualCostPence")).toBe("invented for the demo");
    expect(demoNote(["valuePounds"], "valuePence")).toBe("invented for the demo");
    expect(demoNote(["valuePounds"], "savingsClaimedPence")).toBeNull();
  });

  it("keeps the note of a partly invented value", () => {
    expect(demoNote(["awardedOn (day)"], "awardedOn")).toBe("the day was invented for the demo");
    expect(demoNote(["awardedOn (day)"], "startDate")).toBeNull();
  });
});

describe("matchPath", () => {
  it("matches fixed paths, ignoring a trailing slash and the query", () => {
    expect(matchPath("/", "/")).toEqual({});
    expect(matchPath("/contracts", "/contracts/")).toEqual({});
    expect(matchPath("/contracts", "/contracts?sort=value")).toEqual({});
    expect(matchPath("/contracts", "/services")).toBeNull();
  });

  it("decodes parameters", () => {
    expect(matchPath("/services/:id", "/services/finance")).toEqual({ id: "finance" });
    expect(matchPath("/services/:id", "/services/a%20b")).toEqual({ id: "a b" });
    expect(matchPath("/services/:id", "/services")).toBeNull();
    expect(matchPath("/services/:id", "/services/a/b")).toBeNull();
    expect(matchPath("/services/:id", "/services/%E0%A4%A")).toBeNull();
  });

  it("reads one query parameter", () => {
    expect(queryParam("/login?next=%2Fcontracts%2Fx", "next")).toBe("/contracts/x");
    expect(queryParam("/login", "next")).toBeNull();
  });
});

describe("safeNext", () => {
  it("returns to a same-site page and nowhere else", () => {
    expect(safeNext("/services/finance")).toBe("/services/finance");
    expect(safeNext(null)).toBe("/");
    expect(safeNext("https://example.org/")).toBe("/");
    expect(safeNext("//example.org/")).toBe("/");
    expect(safeNext("/login?next=/")).toBe("/");
  });
});

describe("hasFlag", () => {
  it("reads the flags the server's gate rules set", () => {
    expect(hasFlag({ flags: ["budget-driven"] }, "budget-driven")).toBe(true);
    expect(hasFlag({ flags: ["not the logical order"] }, "budget-driven")).toBe(false);
    expect(hasFlag({ flags: [] }, "not the logical order")).toBe(false);
  });
});

describe("money and dates", () => {
  it("reads pence as people read money", () => {
    expect(moneyShort(23_450_000_000)).toBe("£234.5m");
    expect(moneyShort(1_840_000_000)).toBe("£18.4m");
    expect(moneyFull(1_840_000_000)).toBe("£18,400,000");
  });

  it("writes dates the British way", () => {
    expect(formatDate("2015-07-15")).toBe("15 Jul 2015");
    expect(formatDate(null)).toBe("—");
    expect(formatTimestamp("2026-11-24T22:15:47.849Z")).toBe("24 Nov 2026 22:15 UTC");
  });
});
