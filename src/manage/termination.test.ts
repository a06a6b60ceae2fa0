import { describe, expect, it } from "vitest";
import { newTermination, TERMINATION_REASONS, TERMINATION_WORDS } from "./termination.ts";

const entry = { terminatedOn: "2025-06-30", reason: "expiry", totalPaidPence: 12_345 };

describe("a contract's termination", () => {
  it("names one of the five reasons, each with its words", () => {
    expect(TERMINATION_REASONS).toEqual(["expiry", "breach", "convenience", "mutualAgreement", "other"]);
    expect(Object.keys(TERMINATION_WORDS)).toEqual([...TERMINATION_REASONS]);
    expect(() => newTermination("c1", null, { ...entry, reason: "bored" })).toThrow(
      'expected a reason of expiry, breach, convenience, mutualAgreement, other, got "bored"',
    );
  });
  it("may end on the day the contract started, not the day before", () => {
    expect(newTermination("c1", "2025-06-30", entry)).toMatchObject({
      terminatedOn: "2025-06-30",
      published: true,
    });
    expect(() => newTermination("c1", "2025-07-01", entry)).toThrow(
      "the contract started on 2025-07-01, after the termination date",
    );
    expect(newTermination("c1", null, entry).contractId).toBe("c1");
  });
  it("needs an explanation for 'other'", () => {
    expect(() => newTermination("c1", null, { ...entry, reason: "other" })).toThrow(
      expect.objectContaining({ location: { path: "$.explanation" } }),
    );
  });
});
