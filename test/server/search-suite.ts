/**
 * Search on one store kind (SQLite FTS5 or PostgreSQL text search), over the demo: ranked hits
 * with marked snippets, the public seeing only what is published, the index following writes
 * and publications, query syntax treated as plain words, and a restored store searchable again.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { askQuestion, setCommentModeration } from "../../src/app/comments.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { addContract, setPublication } from "../../src/app/records.ts";
import { queryTerms, rebuildSearchIndex, search } from "../../src/app/search.ts";
import { backup, restore } from "../../src/store/backup.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const STAFF = { publishedOnly: false };
const PUBLIC = { publishedOnly: true };
const ids = (a: Awaited<ReturnType<typeof search>>) => a.results.map((r) => `${r.kind}:${r.id}`);

export function searchStoreSuite(kind: string, target: StoreTarget): void {
  describe(`search on ${kind}`, () => {
    let store: Store;
    const { dir, create } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-search-",
      opened: (s) => {
        store = s;
      },
    });

    it("finds a published contract by words of its title, among the first results, with the words marked", async () => {
      const a = await search(store, "business support Newport", PUBLIC);
      expect(a.terms).toEqual(["business", "support", "newport"]);
      expect(ids(a)[0]).toBe("contract:sscl-bss");
      const scores = a.results.map((r) => r.score);
      expect([...scores].sort((x, y) => y - x)).toEqual(scores);
      expect(a.results[0]?.snippet.some((p) => p.match && /business|support|newport/i.test(p.text))).toBe(
        true,
      );
    });

    it("shows the public no unpublished service or decision; staff find them", async () => {
      expect(ids(await search(store, "detention officers", STAFF))).toContain("service:detention-officers");
      expect(ids(await search(store, "detention officers", PUBLIC))).not.toContain(
        "service:detention-officers",
      );
      expect(
        ids(await search(store, "detention", PUBLIC)).filter((i) =>
          i.startsWith("decision:d-2015-detention"),
        ),
      ).toEqual([]);
    });

    it("follows a new record and its publication without being told", async () => {
      await addContract(
        store,
        {
          id: "quokka-laundry",
          title: "Quokka laundry services",
          buyer: "MOPAC",
          supplier: "Wombat Linen Ltd",
          reason: "test",
        },
        "commercial",
      );
      expect(ids(await search(store, "quokka", STAFF))).toContain("contract:quokka-laundry");
      expect(ids(await search(store, "quokka", PUBLIC))).toEqual([]);
      expect(ids(await search(store, "wombat", PUBLIC))).toEqual([]);
      await setPublication(
        store,
        "contracts",
        "quokka-laundry",
        { published: true, reason: "test" },
        "admin",
      );
      expect(ids(await search(store, "quokka", PUBLIC))).toContain("contract:quokka-laundry");
      expect(ids(await search(store, "wombat", PUBLIC))).toContain("contract:quokka-laundry");
    });

    it("finds a published comment, and not one waiting for moderation", async () => {
      await askQuestion(
        store,
        { subject: "contract:sscl-bss", body: "Why did the axolotl invoices rise?" },
        new Date(),
      );
      expect(ids(await search(store, "axolotl", PUBLIC))).toEqual([]);
      await setCommentModeration(store, "none", { username: "admin", reason: "test" }, new Date());
      const q = await askQuestion(
        store,
        { subject: "contract:sscl-bss", body: "What about the narwhal clause?" },
        new Date(),
      );
      const a = await search(store, "narwhal", PUBLIC);
      expect(a.results).toEqual([
        expect.objectContaining({ kind: "comment", id: q.id, subject: "contract:sscl-bss" }),
      ]);
    });

    it("treats quotes, stars, NEAR, minus and brackets as plain text, never an error", async () => {
      for (const q of [
        '"',
        "*",
        "sscl*",
        "NEAR(a b)",
        "-sscl",
        "a OR",
        "'; drop table x; --",
        ")(",
        "col:x",
        "^",
        "&|!",
        '""sscl""',
        "NOT",
        "\\",
      ]) {
        const a = await search(store, q, PUBLIC);
        expect(Array.isArray(a.results), q).toBe(true);
      }
      expect(queryTerms('NEAR("shared" -services*)')).toEqual(["near", "shared", "services"]);
      expect(ids(await search(store, '"shared" -services*', PUBLIC))).toContain("contract:sscl-bss");
    });

    it("is rebuilt after a restore, as no backup holds the index", async () => {
      const file = join(dir, "backup.jsonl");
      const counts = await backup(store, file);
      expect(Object.keys(counts).some((t) => t.includes("search"))).toBe(false);
      const db = await create();
      const other = await openMigrated(db.url);
      try {
        await restore(other, file);
        expect(ids(await search(other, "quokka", PUBLIC))).toContain("contract:quokka-laundry");
        expect(await rebuildSearchIndex(other)).toBeGreaterThan(50);
      } finally {
        await other.close();
      }
    });
  });
}
