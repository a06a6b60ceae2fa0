/**
 * A document written whole (the document PUT's use case, saveDocument) is recorded as its next
 * version, published, with its author, reason and time, in the same audited transaction, on a
 * real store (SQLite and PostgreSQL alike); a document the engine refuses stores neither the
 * document nor a version.
 */
import { describe, expect, it } from "vitest";
import { saveDocument } from "../../src/app/decide.ts";
import { saveDraft } from "../../src/app/decide-drafts.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { listAudit, verifyAudit } from "../../src/store/audit.ts";
import type { Store } from "../../src/store/db.ts";
import { getDocument } from "../../src/store/decide.ts";
import { listVersions } from "../../src/store/decide-drafts.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const profile = (amount: number) => ({
  contract: "Electronic monitoring",
  decisionDate: "2023-06-01",
  annual: Array.from({ length: 10 }, (_, i) => ({ start: `${2023 + i}-07-01`, amount })),
});
const body = (document: Record<string, unknown>, reason: string) => ({
  title: "EM payment profile",
  contractId: "em-tagging",
  document,
  reason,
});

export function putVersionSuite(kind: string, target: StoreTarget): void {
  describe(`the document PUT records a version, on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      seed: loadDemo,
      opened: (s) => {
        store = s;
      },
    });

    it("numbers each whole write after the drafts, published, with the write's content and time", async () => {
      const a = { username: "commercial", reason: "first draft" };
      await saveDraft(
        store,
        "horizon",
        "em-profile",
        body(profile(4_000_000), "first draft"),
        a,
        "2026-12-01T10:00:00.000Z",
      );
      const put = await saveDocument(
        store,
        "horizon",
        "em-profile",
        body(profile(4_800_000), "signed contract"),
        { username: "commercial", reason: "signed contract" },
        "2026-12-02T10:00:00.000Z",
      );
      expect(put.action).toBe("create");
      await saveDocument(
        store,
        "horizon",
        "em-profile",
        body(profile(5_000_000), "indexation"),
        { username: "admin", reason: "indexation" },
        "2026-12-03T10:00:00.000Z",
      );
      const versions = await listVersions(store, "horizon", "em-profile");
      expect(
        versions.map((v) => [v.version, v.status, v.author, v.note, v.createdAt, v.publishedAt]),
      ).toEqual([
        [1, "draft", "commercial", "first draft", "2026-12-01T10:00:00.000Z", null],
        [
          2,
          "published",
          "commercial",
          "signed contract",
          "2026-12-02T10:00:00.000Z",
          "2026-12-02T10:00:00.000Z",
        ],
        [3, "published", "admin", "indexation", "2026-12-03T10:00:00.000Z", "2026-12-03T10:00:00.000Z"],
      ]);
      expect(versions[2]!.document).toEqual(profile(5_000_000));
      expect((await getDocument(store, "horizon", "em-profile", false)).document).toEqual(profile(5_000_000));
      const audit = await listAudit(store, { entity: "decide-horizon", entityId: "em-profile" });
      expect(audit.map((e) => e.action)).toEqual([
        "publish-version",
        "update",
        "publish-version",
        "create",
        "draft",
      ]);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("stores no version for a document the engine refuses", async () => {
      const before = await listVersions(store, "horizon", "em-profile");
      await expect(
        saveDocument(
          store,
          "horizon",
          "em-profile",
          body({ ...profile(1), decisionDate: "2023-02-30" }, "x"),
          { username: "c", reason: "x" },
        ),
      ).rejects.toThrow("$.document.decisionDate");
      expect(await listVersions(store, "horizon", "em-profile")).toEqual(before);
    });
  });
}
