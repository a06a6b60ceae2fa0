/**
 * Drafts and versions of Decide's documents on a real store (SQLite and PostgreSQL alike):
 * numbered versions kept for good, a refused case storing nothing, publishing one version making
 * it the stored document in one audited transaction, and the versions surviving a backup and
 * restore.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { publishVersion, saveDraft } from "../../src/app/decide-drafts.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { backup, restore } from "../../src/store/backup.ts";
import type { Store } from "../../src/store/db.ts";
import { getDocument } from "../../src/store/decide.ts";
import { latestVersions, listVersions } from "../../src/store/decide-drafts.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const years = (amount: number) => Array.from({ length: 10 }, (_, year) => ({ year, category: "opex", amount }));
const aCase = (outsourced: number) => ({
  name: "Payroll",
  discounting: "green-book",
  baseline: "in-house",
  options: [
    { id: "in-house", cashflows: years(-1_000_000) },
    { id: "outsource", cashflows: years(outsourced) },
  ],
});
const body = (document: Record<string, unknown>, reason: string) => ({ title: "Payroll case", serviceId: "catering", document, reason });

export function draftsStoreSuite(kind: string, target: StoreTarget): void {
  describe(`Decide drafts and versions on ${kind}`, () => {
    let store: Store;
    const { dir } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-decide-drafts-",
      opened: (s) => {
        store = s;
      },
    });

    it("numbers each draft, keeps every one, and publishes one as the stored document", async () => {
      const a = { username: "commercial", reason: "first" };
      const v1 = await saveDraft(store, "appraisal", "payroll", body(aCase(-900_000), "first"), a, "2026-12-01T10:00:00.000Z");
      const v2 = await saveDraft(store, "appraisal", "payroll", body(aCase(-950_000), "second"), { ...a, reason: "second" }, "2026-12-02T10:00:00.000Z");
      expect([v1.version, v2.version]).toEqual([1, 2]);
      await expect(getDocument(store, "appraisal", "payroll", false)).rejects.toThrow();
      const doc = await publishVersion(store, "appraisal", "payroll", 1, { ...a, reason: "board" }, "2026-12-03T10:00:00.000Z");
      expect(doc).toMatchObject({ published: true, document: aCase(-900_000) });
      const all = await listVersions(store, "appraisal", "payroll");
      expect(all.map((v) => [v.version, v.status, v.note, v.publishedAt])).toEqual([
        [1, "published", "first", "2026-12-03T10:00:00.000Z"],
        [2, "draft", "second", null],
      ]);
      expect((await latestVersions(store, "appraisal")).map((v) => [v.id, v.version])).toEqual([["payroll", 2]]);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("stores nothing for a case the engine refuses, or a service that does not exist", async () => {
      const before = await listVersions(store, "appraisal", "payroll");
      const bad = { ...aCase(-1), baseline: "nobody" };
      await expect(saveDraft(store, "appraisal", "payroll", body(bad, "x"), { username: "c", reason: "x" })).rejects.toThrow(
        '$.document.baseline: no option has id "nobody"',
      );
      await expect(
        saveDraft(store, "appraisal", "payroll", { ...body(aCase(-1), "x"), serviceId: "no-such" }, { username: "c", reason: "x" }),
      ).rejects.toThrow('serviceId "no-such" names no service');
      expect(await listVersions(store, "appraisal", "payroll")).toEqual(before);
    });

    it("keeps the versions through a backup and restore", async () => {
      const file = join(dir, "drafts-backup.jsonl");
      const counts = await backup(store, file);
      expect(counts.decide_versions).toBe(2);
      await restore(store, file, { force: true });
      expect(await listVersions(store, "appraisal", "payroll")).toHaveLength(2);
    });
  });
}
