import { describe, expect, it } from "vitest";
import { todayInLondon } from "./dates.ts";

describe("todayInLondon", () => {
  it("is the London calendar date, not UTC's, across the clock change", () => {
    // 23:30 UTC on 31 March 2026 is 00:30 BST on 1 April in London.
    expect(todayInLondon(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
    // In winter London is on UTC: 23:30 UTC on 2 December is still 2 December.
    expect(todayInLondon(new Date("2026-12-02T23:30:00Z"))).toBe("2026-12-02");
    // The last Sunday of October: 00:30 UTC is 01:30 BST, then GMT.
    expect(todayInLondon(new Date("2026-10-25T00:30:00Z"))).toBe("2026-10-25");
  });
});
