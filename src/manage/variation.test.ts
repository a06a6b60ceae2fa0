import { describe, expect, it } from "vitest";
import {
  type AwardBaseline,
  newBaseline,
  newVariation,
  type VariationEntry,
  type VariationFacts,
  variationTimeline,
} from "./variation.ts";

// Award: £10,000 (1,000,000p); initial term 2020-01-01 to 2021-01-01 (366 days), options to
// 2022-09-27: a maximum term on award of 1,000 days.
const award: AwardBaseline = {
  contractId: "c1",
  awardValuePence: 1_000_000,
  startDate: "2020-01-01",
  awardEndDate: "2021-01-01",
  awardMaxEndDate: "2022-09-27", // 1,000 days after the start
  works: false,
  regime: "PA2023",
  source: "test",
  demo: false,
};
const entry: VariationEntry = {
  changedOn: "2020-06-01",
  approvedOn: "2020-06-02",
  approvedBy: "Contract board",
  reason: "r",
  description: "d",
  valueDeltaPence: 0,
};

function versions(...entries: Partial<VariationEntry>[]): VariationFacts[] {
  const out: VariationFacts[] = [];
  for (const [i, e] of entries.entries()) out.push(newVariation("c1", i + 1, { ...entry, ...e }, out));
  return out;
}
const one = (e: Partial<VariationEntry>, b: AwardBaseline = award) => variationTimeline(b, versions(e)).rows[0]!;

describe("variations and the UK10 test of the Procurement Act 2023", () => {
  it("flags the third of three 4% value changes, taken with the first two", () => {
    const t = variationTimeline(award, versions({ valueDeltaPence: 40_000 }, { valueDeltaPence: 40_000 }, { valueDeltaPence: 40_000 }));
    expect(t.rows.map((r) => r.noticeRequired)).toEqual([false, false, true]);
    expect(t.rows.map((r) => r.aggregateValueBp)).toEqual([400, 800, 1200]);
    expect(t.rows[2]!.noticeReasons).toEqual([
      "value changes by 12.00% of the award value, taken with versions 1, 2, more than 10% (s.75(2)(a), (4)-(5))",
    ]);
    expect(t.rows[2]!.aggregatedVersions).toEqual([1, 2, 3]);
    expect(t).toMatchObject({ currentValuePence: 1_120_000, valueChangePence: 120_000, noticesRequired: 1 });
  });
  it("tests value at, just below and just above 10% for goods and services", () => {
    expect(one({ valueDeltaPence: 99_999 }).noticeRequired).toBe(false);
    expect(one({ valueDeltaPence: 100_000 }).noticeRequired).toBe(false);
    expect(one({ valueDeltaPence: 100_001 }).noticeRequired).toBe(true);
  });
  it("tests value at, just below and just above 15% for works", () => {
    const works = { ...award, works: true };
    expect(one({ valueDeltaPence: 149_999 }, works).noticeRequired).toBe(false);
    expect(one({ valueDeltaPence: 150_000 }, works).noticeRequired).toBe(false);
    const above = one({ valueDeltaPence: 150_001 }, works);
    expect(above.noticeRequired).toBe(true);
    expect(above.noticeReasons[0]).toContain("more than 15% (works)");
  });
  it("counts a reduction as a change", () => {
    expect(one({ valueDeltaPence: -100_000 }).noticeRequired).toBe(false);
    expect(one({ valueDeltaPence: -100_001 }).noticeRequired).toBe(true);
    const t = variationTimeline(award, versions({ valueDeltaPence: 60_000 }, { valueDeltaPence: -60_000 }));
    expect(t.rows[1]!.noticeRequired).toBe(true); // 6% up then 6% down: 12% of change, net nil
    expect(t.valueChangePence).toBe(0);
  });
  it("measures the term against the maximum term provided for on award, at, below and above 10%", () => {
    // 10% of the 1,000-day maximum is 100 days, not 10% of the 366-day initial term (36.6 days).
    expect(one({ endAfter: "2021-04-10" }).termDeltaDays).toBe(99);
    expect(one({ endAfter: "2021-04-10" }).noticeRequired).toBe(false);
    expect(one({ endAfter: "2021-04-11" }).noticeRequired).toBe(false); // 100 days, exactly 10%
    const above = one({ endAfter: "2021-04-12" }); // 101 days
    expect(above.noticeRequired).toBe(true);
    expect(above.noticeReasons).toEqual([
      "term changes by 10.10% of the maximum term provided for on award, more than 10% (s.75(2)(b))",
    ]);
    expect(one({ endAfter: "2020-09-23" }).noticeRequired).toBe(false); // 100 days shorter, exactly 10%
    expect(one({ endAfter: "2020-09-22" }).noticeRequired).toBe(true); // 101 days shorter
  });
  it("does not test an option provided for on award within the maximum term, but does one beyond it", () => {
    const opt = one({ kind: "option", endAfter: "2022-09-27" });
    expect(opt.noticeRequired).toBe(false);
    expect(opt.noticeReasons[0]).toContain("not a modification");
    const beyond = one({ kind: "option", endAfter: "2023-09-27" });
    expect(beyond.noticeRequired).toBe(true);
  });
  it("marks a contract awarded under the Public Contracts Regulations 2015 as illustrative", () => {
    const t = variationTimeline({ ...award, regime: "PCR2015" }, versions({ valueDeltaPence: 200_000 }));
    expect(t.rows[0]).toMatchObject({ noticeRequired: true, illustrative: true });
    expect(t.regimeNote).toContain("transitional provisions");
  });
  it("keeps a correction as a new version naming the one it corrects", () => {
    const vs = versions({ valueDeltaPence: 50_000 }, { kind: "correction", correctsVersion: 1, valueDeltaPence: -5_000 });
    expect(vs[1]).toMatchObject({ id: "c1@v2", version: 2, correctsVersion: 1 });
    expect(variationTimeline(award, vs).currentValuePence).toBe(1_045_000);
    expect(() => newVariation("c1", 3, { ...entry, kind: "correction" }, vs)).toThrow("names the version it corrects");
    expect(() => newVariation("c1", 3, { ...entry, kind: "correction", correctsVersion: 9 }, vs)).toThrow(
      "there is no version 9",
    );
  });
  it("refuses bad input naming the field", () => {
    expect(() => newVariation("c1", 1, { ...entry, approvedOn: "2020-05-01" }, [])).toThrow(
      expect.objectContaining({ location: { path: "$.approvedOn" } }),
    );
    expect(() => newVariation("c1", 1, { ...entry, valueDeltaPence: 0.5 }, [])).toThrow(
      expect.objectContaining({ location: { path: "$.valueDeltaPence" } }),
    );
    expect(() => newBaseline({ ...award, awardMaxEndDate: "2020-06-01" })).toThrow(
      expect.objectContaining({ location: { path: "$.awardMaxEndDate" } }),
    );
    expect(() => variationTimeline(award, versions({ valueDeltaPence: -2_000_000 }))).toThrow("below zero");
  });
});
