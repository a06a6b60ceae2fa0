import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../src/app/demo.ts";
import {
  addChange,
  addRating,
  buildNotice,
  contractNotices,
  listContractEvents,
} from "../../src/app/manage.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { backup, restore } from "../../src/store/backup.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { importReleases } from "../../src/store/releases.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const actor = { username: "test", reason: "store suite" };

export function contractEventsStoreSuite(kind: string, target: StoreTarget): void {
  describe(`contract events store on ${kind}`, () => {
    let store: Store;
    const { dir, create } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-events-store-",
      opened: (s) => {
        store = s;
      },
    });

    it("holds the demo SSCL KPIs, two rating periods and the extension, marked demo", async () => {
      const ev = await listContractEvents(store, "sscl-bss", true);
      expect(ev.kpis.map((k) => k.id)).toEqual([
        "sscl-bss-kpi-cases",
        "sscl-bss-kpi-invoices",
        "sscl-bss-kpi-payroll",
      ]);
      expect(ev.kpis.every((k) => k.demo)).toBe(true);
      expect(new Set(ev.ratings.map((r) => r.periodEnd))).toEqual(new Set(["2025-03-31", "2026-03-31"]));
      expect(ev.changes).toHaveLength(1);
      expect(ev.changes[0]).toMatchObject({
        valueBeforePence: 23_450_000_000,
        endBefore: "2025-09-30",
        endAfter: "2027-09-30",
        noticeRequired: true,
      });
      const statuses = await contractNotices(store, "sscl-bss", true);
      expect(statuses.filter((s) => s.producible).map((s) => s.type)).toEqual(["UK6", "UK7", "UK9", "UK10"]);
    });

    it("keeps money above 2^31 pence exact and refuses a rating for an unknown KPI, storing nothing", async () => {
      const big = 900_000_000_000; // £9bn in pence
      const c = await addChange(
        store,
        "em-tagging",
        {
          id: "em-big",
          changedOn: "2025-01-01",
          works: true,
          valueBeforePence: big,
          valueAfterPence: big + big / 10,
          startDate: "2019-04-01",
          endBefore: "2026-03-31",
          endAfter: "2026-03-31",
          description: "d",
          rationale: "r",
        },
        actor,
      );
      expect(c.valueAfterPence).toBe(990_000_000_000);
      expect(c.noticeRequired).toBe(false); // 10% on works: under the 15% threshold
      const before = await verifyAudit(store);
      await expect(
        addRating(store, "em-tagging", { kpiId: "nope", periodEnd: "2025-03-31", rating: "good" }, actor),
      ).rejects.toThrow("contract em-tagging has no KPI nope");
      expect((await verifyAudit(store)).entries).toBe(before.entries);
    });

    it("imports a notice once and carries the events through a backup and restore", async () => {
      const uk7 = await buildNotice(store, "sscl-bss", "UK7", true);
      expect((await importReleases(store, [uk7], actor)).inserted).toBe(1);
      expect((await importReleases(store, [uk7], actor)).unchanged).toBe(1);
      const file = join(dir, "backup.jsonl");
      const counts = await backup(store, file);
      // Three KPIs for each of the three demo contracts.
      expect(counts.contract_kpis).toBe(9);
      expect(counts.contract_ratings).toBe(6);
      expect(counts.contract_changes).toBe(2);
      const other = await create();
      const restored = await openMigrated(other.url);
      try {
        await restore(restored, file);
        const ev = await listContractEvents(restored, "em-tagging", false);
        expect(ev.changes[0]!.valueBeforePence).toBe(900_000_000_000);
        expect((await verifyAudit(restored)).ok).toBe(true);
      } finally {
        await restored.close();
      }
    });
  });
}
