import { describe, expect, it } from "vitest";
import { type ChangeEntry, changeNotice, newChange } from "./change.ts";

const base: ChangeEntry = {
  id: "ch-1",
  changedOn: "2025-01-01",
  valueBeforePence: 1_000_000,
  valueAfterPence: 1_000_000,
  startDate: "2020-01-01",
  endBefore: "2020-04-10", // 100 days
  endAfter: "2020-04-10",
  description: "d",
  rationale: "r",
};

describe("a contract change and its UK10 notice", () => {
  it("needs no notice when the value moves by exactly 10%, and one a penny beyond", () => {
    expect(changeNotice({ ...base, works: false, valueAfterPence: 1_100_000 }).noticeRequired).toBe(false);
    expect(changeNotice({ ...base, works: false, valueAfterPence: 900_000 }).noticeRequired).toBe(false);
    const up = changeNotice({ ...base, works: false, valueAfterPence: 1_100_001 });
    expect(up.noticeRequired).toBe(true);
    expect(up.noticeReasons).toEqual(["value changes by 10.0%, more than 10.0%"]);
    expect(changeNotice({ ...base, works: false, valueAfterPence: 899_999 }).noticeRequired).toBe(true);
    expect(changeNotice({ ...base, works: false, valueAfterPence: 1_099_999 }).noticeRequired).toBe(false);
  });
  it("allows 15% on works before a notice is needed", () => {
    expect(changeNotice({ ...base, works: true, valueAfterPence: 1_149_999 }).noticeRequired).toBe(false);
    expect(changeNotice({ ...base, works: true, valueAfterPence: 1_150_000 }).noticeRequired).toBe(false);
    expect(changeNotice({ ...base, works: true, valueAfterPence: 850_000 }).noticeRequired).toBe(false);
    expect(changeNotice({ ...base, works: true, valueAfterPence: 849_999 }).noticeRequired).toBe(true);
    const r = changeNotice({ ...base, works: true, valueAfterPence: 1_150_001 });
    expect(r.noticeRequired).toBe(true);
    expect(r.noticeReasons[0]).toContain("(works)");
  });
  it("needs a notice when the term moves by more than 10%, not at exactly 10%", () => {
    expect(changeNotice({ ...base, works: false, endAfter: "2020-04-19" }).noticeRequired).toBe(false); // 109 days
    expect(changeNotice({ ...base, works: false, endAfter: "2020-04-20" }).noticeRequired).toBe(false); // 110 days
    const r = changeNotice({ ...base, works: false, endAfter: "2020-04-21" }); // 111 days
    expect(r).toEqual({
      noticeRequired: true,
      noticeReasons: [
        "term changes by 11.0% of the term before the change (the maximum term on award is not recorded), more than 10.0%",
      ],
    });
  });
  it("measures the term against the maximum term provided for on award, not the term before", () => {
    // Maximum term on award: 2020-01-01 to 2020-07-19, 200 days; 10% is 20 days.
    const max = { ...base, works: false, maxTermEnd: "2020-07-19" };
    expect(changeNotice({ ...max, endAfter: "2020-04-29" }).noticeRequired).toBe(false); // +19 days
    expect(changeNotice({ ...max, endAfter: "2020-04-30" }).noticeRequired).toBe(false); // +20 days, exactly 10%
    const above = changeNotice({ ...max, endAfter: "2020-05-01" }); // +21 days: 10.5%
    expect(above.noticeReasons).toEqual([
      "term changes by 10.5% of the maximum term provided for on award, more than 10.0%",
    ]);
    // A 15-day extension is 15% of the 100-day term before, but only 7.5% of the maximum: no notice.
    expect(changeNotice({ ...max, endAfter: "2020-04-25" }).noticeRequired).toBe(false);
    // A reduction counts as a change.
    expect(changeNotice({ ...max, endAfter: "2020-03-20" }).noticeRequired).toBe(true); // -21 days
  });
  it("records the change with its assessment, and refuses a term that ends before it starts", () => {
    const c = newChange("c1", { ...base, valueAfterPence: 2_000_000 });
    expect(c).toMatchObject({ contractId: "c1", works: false, published: true, noticeRequired: true });
    expect(() => newChange("c1", { ...base, endBefore: "2019-12-31" })).toThrow(
      "the term before the change ends before it starts",
    );
    expect(() => newChange("c1", { ...base, endAfter: "2019-12-31" })).toThrow(
      expect.objectContaining({ location: { path: "$.endAfter" } }),
    );
    expect(() => newChange("c1", { ...base, valueAfterPence: -1 })).toThrow(
      expect.objectContaining({ location: { path: "$.valueAfterPence" } }),
    );
  });
});
