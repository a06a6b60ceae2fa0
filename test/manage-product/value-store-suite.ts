/**
 * The value store, written once and run on SQLite and on a real PostgreSQL server: the demo's
 * SSCL savings against its £101.4m claim, its variation history against the award (the extension
 * beyond the maximum term flagged, illustrative under the 2015 Regulations), its exit plan; a
 * variation appended as the next version and never updated; bad input refused leaving the
 * stored plan as it was; every write audited.
 */
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../src/app/demo.ts";
import {
  addVariation,
  exitFor,
  savingsFor,
  setAwardBaseline,
  setSavingsPlan,
  variationsFor,
} from "../../src/app/manage-value.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import type { Store } from "../../src/store/db.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const actor = { username: "contracts", reason: "recorded from the contract file" };
const TODAY = "2026-12-03";

export function valueStoreSuite(kind: string, target: StoreTarget): void {
  describe(`contract value store on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      seed: loadDemo,
      opened: (s) => {
        store = s;
      },
    });

    it("tracks SSCL's £101.4m claim year by year against the indexed baseline, the actuals marked demo", async () => {
      const s = await savingsFor(store, "sscl-bss", TODAY, true);
      expect(s).toMatchObject({
        planned: true,
        contractValuePence: 23_450_000_000,
        committedTotalPence: 28_140_000_000,
        committedDemo: true,
        claimedTotalPence: 10_140_000_000,
        claimsMatchHeadline: true,
        claimedToDatePence: 10_140_000_000,
        realisedToDatePence: 8_209_970_090,
        gapToDatePence: 1_930_029_910,
        demo: true,
      });
      expect(s.rows).toHaveLength(12);
      // 2016-17: £38.5m x 101.9 / 100.3 = £39,114,157.53; less £25.5m paid and £8m retained.
      expect(s.rows[1]).toMatchObject({ baselineIndexedPence: 3_911_415_753, realisedPence: 561_415_753, demo: true });
      expect(s.rows[11]).toMatchObject({ when: "current", realisedPence: null });
    });

    it("shows the variation history against the award: the option not tested, the extension flagged and illustrative", async () => {
      const v = await variationsFor(store, "sscl-bss", true);
      expect(v.baseline).toMatchObject({ regime: "PCR2015", awardMaxEndDate: "2025-09-30" });
      expect(v.rows.map((r) => [r.version, r.kind, r.noticeRequired, r.illustrative])).toEqual([
        [1, "option", false, true],
        [2, "change", true, true],
      ]);
      expect(v.rows[1]!.noticeReasons).toEqual([
        "value changes by 20.00% of the award value, more than 10% (s.75(2)(a))",
        "term changes by 19.98% of the maximum term provided for on award, more than 10% (s.75(2)(b))",
      ]);
      expect(v).toMatchObject({ currentValuePence: 28_140_000_000, currentEndDate: "2027-09-30", noticesRequired: 1 });
      expect(v.regimeNote).toContain("Public Contracts Regulations 2015");
    });

    it("says the exit plan cannot be carried out before the end of the term", async () => {
      const e = await exitFor(store, "sscl-bss", TODAY);
      expect(e.points.map((p) => [p.date, p.breakCostPence])).toEqual([
        ["2018-10-01", 2_400_000_000],
        ["2022-10-01", 900_000_000],
        ["2025-10-01", 900_000_000],
        ["2027-09-30", 900_000_000],
      ]);
      expect(e.readiness).toMatchObject({ ready: false, nextDate: "2027-09-30", daysShort: 248 });
    });

    it("appends a variation as the next version and keeps a correction as another, audited", async () => {
      await setAwardBaseline(
        store,
        "em-tagging",
        {
          awardValuePence: 1_000_000,
          startDate: "2019-04-01",
          awardEndDate: "2026-03-31",
          awardMaxEndDate: "2028-03-31",
          works: false,
          regime: "PA2023",
        },
        actor,
      );
      const entry = {
        changedOn: "2020-01-01",
        approvedOn: "2020-01-02",
        approvedBy: "Contract board",
        reason: "more subjects",
        description: "4% more",
        valueDeltaPence: 40_000,
      };
      await addVariation(store, "em-tagging", entry, actor);
      await addVariation(store, "em-tagging", entry, actor);
      const third = await addVariation(store, "em-tagging", entry, actor);
      expect(third.rows.map((r) => r.noticeRequired)).toEqual([false, false, true]);
      const fixed = await addVariation(
        store,
        "em-tagging",
        { ...entry, kind: "correction", correctsVersion: 3, valueDeltaPence: -1_000, description: "v3 overstated" },
        actor,
      );
      expect(fixed.rows.map((r) => r.id)).toEqual(["em-tagging@v1", "em-tagging@v2", "em-tagging@v3", "em-tagging@v4"]);
      expect(fixed.currentValuePence).toBe(1_119_000);
      await expect(
        setAwardBaseline(
          store,
          "em-tagging",
          { awardValuePence: 1, startDate: "2019-04-01", awardEndDate: "2026-03-31", awardMaxEndDate: "2028-03-31", works: false, regime: "PA2023" },
          actor,
        ),
      ).rejects.toThrow("the award baseline cannot change");
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("refuses a bad savings plan naming the field and leaves the stored one as it was", async () => {
      const before = await savingsFor(store, "sscl-bss", TODAY);
      await expect(
        setSavingsPlan(
          store,
          "sscl-bss",
          {
            baselineAnnualPence: 1,
            indexName: "CPI",
            baseIndex: "100",
            claimedTotalPence: 1,
            source: "",
            years: [{ label: "Y1", start: "2020-04-01", end: "2021-03-31", claimedPence: 1, index: "abc", paymentsPence: 1, retainedPence: 1 }],
          },
          TODAY,
          actor,
        ),
      ).rejects.toMatchObject({ location: { path: "$.years[0].index" } });
      expect(await savingsFor(store, "sscl-bss", TODAY)).toEqual(before);
    });

    it("answers a contract without a plan with an empty, unplanned report", async () => {
      const s = await savingsFor(store, "custody-healthcare-2027", TODAY);
      expect(s).toMatchObject({ planned: false, rows: [] });
      const e = await exitFor(store, "custody-healthcare-2027", TODAY);
      expect(e).toMatchObject({ planned: false, readiness: { ready: false } });
    });
  });
}
