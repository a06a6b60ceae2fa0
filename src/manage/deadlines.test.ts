import { describe, expect, it } from "vitest";
import { contractDeadlines, type DatedContract, daysLeft, nextDeadline } from "./deadlines.ts";
import { newTerm } from "./term.ts";

const c = (over: Partial<DatedContract> = {}): DatedContract => ({
  id: "sscl",
  title: "Business support",
  awardedOn: "2015-08-01",
  startDate: "2015-10-01",
  endDate: "2027-09-30",
  terminatedOn: null,
  terminatedByExpiry: false,
  term: null,
  ...over,
});

describe("the deadlines a term implies", () => {
  it("warns of the end with no option left: the decision on what follows, months before", () => {
    const ds = contractDeadlines(
      c({
        term: newTerm("sscl", "2015-10-01", {
          initialEndDate: "2025-09-30",
          endNoticeMonths: 9,
          options: [
            { id: "ext", fromDate: "2025-09-30", toDate: "2027-09-30", state: "taken", noticeMonths: 6 },
          ],
        }),
      }),
    );
    expect(ds.map((d) => `${d.kind} ${d.date}`)).toEqual([
      "end-decision 2026-12-30",
      "end-of-term 2027-09-30",
    ]);
    expect(ds[0]!.title).toContain("Business support: decide what follows");
    expect(ds[0]!.key).toBe("sscl-end-decision-term-2026-12-30");
  });
  it("asks for a decision on a pending option and notice for a break before the end, not after it", () => {
    const ds = contractDeadlines(
      c({
        term: newTerm("sscl", null, {
          initialEndDate: "2026-03-31",
          endNoticeMonths: 12,
          options: [
            { id: "o1", fromDate: "2026-03-31", toDate: "2028-03-31", state: "pending", noticeMonths: 3 },
          ],
          breakPoints: [
            { id: "b1", on: "2025-03-31", noticeMonths: 6 },
            { id: "b-late", on: "2030-01-01", noticeMonths: 6 },
          ],
        }),
      }),
    );
    expect(ds.map((d) => `${d.kind} ${d.refId} ${d.date}`)).toEqual([
      "break-notice b1 2024-09-30",
      "option-decision o1 2025-12-31",
      "end-of-term term 2026-03-31",
    ]);
  });
  it("has only the end once a notice is given or a termination recorded", () => {
    const noticed = contractDeadlines(
      c({
        term: newTerm("sscl", null, {
          initialEndDate: "2026-03-31",
          endNoticeMonths: 12,
          options: [
            { id: "o1", fromDate: "2026-03-31", toDate: "2028-03-31", state: "pending", noticeMonths: 3 },
          ],
          notice: { kind: "non-extension", givenOn: "2025-10-01", endsOn: "2026-03-31" },
        }),
      }),
    );
    expect(noticed.map((d) => d.kind)).toEqual(["end-of-term"]);
    expect(contractDeadlines(c({ terminatedOn: "2024-01-31" })).map((d) => `${d.kind} ${d.date}`)).toEqual([
      "end-of-term 2024-01-31",
    ]);
  });
  it("uses the register's end date when no term is stored, and none without one", () => {
    expect(contractDeadlines(c()).map((d) => d.date)).toEqual(["2027-09-30"]);
    expect(contractDeadlines(c({ endDate: null }))).toEqual([]);
  });
  it("counts the days left, 0 on the day, and finds the next one", () => {
    const ds = contractDeadlines(c());
    expect(daysLeft(ds[0]!, "2027-09-29")).toBe(1);
    expect(daysLeft(ds[0]!, "2027-09-30")).toBe(0);
    expect(daysLeft(ds[0]!, "2027-10-01")).toBe(-1);
    expect(nextDeadline(ds, "2027-09-30")?.date).toBe("2027-09-30");
    expect(nextDeadline(ds, "2027-10-01")).toBeNull();
  });
});
