import { describe, expect, it } from "vitest";
import { contractDeadlines, type DatedContract } from "./deadlines.ts";
import { contractStatus, isPastEnd } from "./status.ts";
import { newTerm } from "./term.ts";
import { addMonths, dayNumber, isoDate } from "../shared/dates.ts";

const dayBefore = (d: string) => isoDate(dayNumber(d) - 1);
const dayAfter = (d: string) => isoDate(dayNumber(d) + 1);

const contract = (over: Partial<DatedContract> = {}): DatedContract => ({
  id: "c",
  title: "C",
  awardedOn: "2015-08-01",
  startDate: "2015-10-01",
  endDate: null,
  terminatedOn: null,
  terminatedByExpiry: false,
  term: newTerm("c", "2015-10-01", {
    initialEndDate: "2022-09-30",
    endNoticeMonths: 12,
    options: [
      { id: "opt-1", fromDate: "2022-09-30", toDate: "2025-09-30", state: "taken", noticeMonths: 6 },
      { id: "opt-2", fromDate: "2025-09-30", toDate: "2027-09-30", state: "pending", noticeMonths: 6 },
    ],
    breakPoints: [{ id: "break-2020", on: "2020-03-31", noticeMonths: 6 }],
  }),
  ...over,
});

describe("a contract's status, from its dates and today's", () => {
  it("moves awarded -> active on the start date", () => {
    const c = contract();
    expect(contractStatus(c, dayBefore("2015-10-01"))).toBe("awarded");
    expect(contractStatus(c, "2015-10-01")).toBe("active");
    expect(contractStatus(c, dayAfter("2015-10-01"))).toBe("active");
  });
  it("moves active -> extended the day after the initial term's last day", () => {
    const c = contract();
    expect(contractStatus(c, dayBefore("2022-09-30"))).toBe("active");
    expect(contractStatus(c, "2022-09-30")).toBe("active");
    expect(contractStatus(c, dayAfter("2022-09-30"))).toBe("extended");
  });
  it("moves extended -> expired the day after the extended end", () => {
    const c = contract();
    expect(contractStatus(c, dayBefore("2025-09-30"))).toBe("extended");
    expect(contractStatus(c, "2025-09-30")).toBe("extended");
    expect(contractStatus(c, dayAfter("2025-09-30"))).toBe("expired");
    expect(isPastEnd(c, dayAfter("2025-09-30"))).toBe(true);
    expect(isPastEnd(c, "2025-09-30")).toBe(false);
  });
  it("does not change at a notice deadline: only a notice given does", () => {
    const c = contract();
    const ds = contractDeadlines(c);
    const option = ds.find((d) => d.kind === "option-decision")!;
    const breakNotice = ds.find((d) => d.kind === "break-notice")!;
    expect(option.date).toBe("2025-03-30");
    expect(breakNotice.date).toBe("2019-09-30");
    for (const d of [option.date, breakNotice.date])
      expect([dayBefore(d), d, dayAfter(d)].map((x) => contractStatus(c, x))).toEqual(
        [dayBefore(d), d, dayAfter(d)].map((x) => (x > "2022-09-30" ? "extended" : "active")),
      );
  });
  it("is in notice from the day notice is given, and terminated the day after it ends", () => {
    const c = contract({
      term: newTerm("c", "2015-10-01", {
        initialEndDate: "2022-09-30",
        endNoticeMonths: 12,
        breakPoints: [{ id: "break-2020", on: "2020-03-31", noticeMonths: 6 }],
        notice: { kind: "break", givenOn: "2019-09-30", endsOn: "2020-03-31" },
      }),
    });
    expect(contractStatus(c, dayBefore("2019-09-30"))).toBe("active");
    expect(contractStatus(c, "2019-09-30")).toBe("in notice");
    expect(contractStatus(c, "2020-03-31")).toBe("in notice");
    expect(contractStatus(c, dayAfter("2020-03-31"))).toBe("terminated");
  });
  it("expires, not terminates, after a notice of non-extension", () => {
    const c = contract({
      term: newTerm("c", "2015-10-01", {
        initialEndDate: "2022-09-30",
        endNoticeMonths: 12,
        notice: { kind: "non-extension", givenOn: "2022-03-01", endsOn: "2022-09-30" },
      }),
    });
    expect(contractStatus(c, "2022-09-30")).toBe("in notice");
    expect(contractStatus(c, dayAfter("2022-09-30"))).toBe("expired");
  });
  it("follows the register's end date when no term is stored (the electronic monitoring contract, Dec 2026)", () => {
    const em = contract({ term: null, startDate: "2019-04-01", endDate: "2026-03-31" });
    expect(contractStatus(em, "2026-03-31")).toBe("active");
    expect(contractStatus(em, "2026-04-01")).toBe("expired");
    expect(contractStatus(em, "2026-12-03")).toBe("expired");
  });
  it("follows a recorded termination: in notice up to its day, then terminated or expired", () => {
    const t = contract({ terminatedOn: "2024-06-30" });
    expect(contractStatus(t, "2024-06-30")).toBe("in notice");
    expect(contractStatus(t, "2024-07-01")).toBe("terminated");
    expect(contractStatus({ ...t, terminatedByExpiry: true }, "2024-07-01")).toBe("expired");
  });
  it("is not awarded without an award date", () => {
    expect(contractStatus(contract({ awardedOn: null }), "2026-12-03")).toBe("not awarded");
  });
  it("at each deadline of a term ending in 2027, on the day before, on and after", () => {
    const c = contract({
      term: newTerm("c", "2015-10-01", {
        initialEndDate: "2025-09-30",
        endNoticeMonths: 9,
        options: [
          { id: "ext", fromDate: "2025-09-30", toDate: "2027-09-30", state: "taken", noticeMonths: 6 },
        ],
      }),
    });
    const ds = contractDeadlines(c);
    expect(ds.map((d) => [d.kind, d.date])).toEqual([
      ["end-decision", addMonths("2027-09-30", -9)],
      ["end-of-term", "2027-09-30"],
    ]);
    const statuses = (d: string) => [dayBefore(d), d, dayAfter(d)].map((x) => contractStatus(c, x));
    expect(statuses("2026-12-30")).toEqual(["extended", "extended", "extended"]);
    expect(statuses("2027-09-30")).toEqual(["extended", "extended", "expired"]);
  });
});
