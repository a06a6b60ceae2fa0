import { describe, expect, it } from "vitest";
import { currentEnd, extendedEnd, maximumEnd, newTerm, noticeDeadline } from "./term.ts";

const base = {
  initialEndDate: "2022-09-30",
  endNoticeMonths: 12,
  options: [
    { id: "opt-1", fromDate: "2022-09-30", toDate: "2025-09-30", state: "taken" as const, noticeMonths: 6 },
    { id: "opt-2", fromDate: "2025-09-30", toDate: "2027-09-30", state: "pending" as const, noticeMonths: 6 },
  ],
};

describe("a contract's term", () => {
  it("runs to the latest option taken, and could run to every option not declined", () => {
    const t = newTerm("c", "2015-10-01", base);
    expect(extendedEnd(t)).toBe("2025-09-30");
    expect(currentEnd(t)).toBe("2025-09-30");
    expect(maximumEnd(t)).toBe("2027-09-30");
    const declined = newTerm("c", null, {
      ...base,
      options: [base.options[0]!, { ...base.options[1]!, state: "declined" as const }],
    });
    expect(maximumEnd(declined)).toBe("2025-09-30");
  });
  it("ends sooner when a notice was given", () => {
    const t = newTerm("c", null, {
      ...base,
      notice: { kind: "break", givenOn: "2024-01-10", endsOn: "2024-07-31" },
    });
    expect(currentEnd(t)).toBe("2024-07-31");
  });
  it("dates a notice that many months before, clamped to a month's end", () => {
    expect(noticeDeadline("2027-09-30", 6)).toBe("2027-03-30");
    expect(noticeDeadline("2027-03-31", 1)).toBe("2027-02-28");
    expect(noticeDeadline("2027-09-30", 0)).toBe("2027-09-30");
  });
  it("names the field that is wrong", () => {
    expect(() => newTerm("c", null, { ...base, initialEndDate: "2022-02-30" })).toThrow(
      expect.objectContaining({ location: { path: "$.initialEndDate" } }),
    );
    expect(() => newTerm("c", "2023-01-01", base)).toThrow("before the contract starts (2023-01-01)");
    expect(() =>
      newTerm("c", null, { ...base, options: [{ ...base.options[0]!, toDate: "2022-09-30" }] }),
    ).toThrow(expect.objectContaining({ location: { path: "$.options[0].toDate" } }));
    expect(() =>
      newTerm("c", null, { ...base, options: [{ ...base.options[0]!, state: "maybe" as "taken" }] }),
    ).toThrow('expected one of taken, declined, pending, got "maybe"');
    expect(() => newTerm("c", null, { ...base, endNoticeMonths: 1.5 })).toThrow(
      expect.objectContaining({ location: { path: "$.endNoticeMonths" } }),
    );
    expect(() =>
      newTerm("c", null, { ...base, breakPoints: [{ id: "opt-1", on: "2020-01-01", noticeMonths: 3 }] }),
    ).toThrow('the id "opt-1" is used twice');
    expect(() =>
      newTerm("c", null, { ...base, notice: { kind: "break", givenOn: "2024-02-01", endsOn: "2024-01-01" } }),
    ).toThrow(expect.objectContaining({ location: { path: "$.notice.endsOn" } }));
  });
});
