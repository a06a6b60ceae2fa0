import { describe, expect, it } from "vitest";
import { sqliteTarget, useSuiteStore } from "../../test/support/store-suite.ts";
import { demoReleases } from "../demo/releases.ts";
import type { JsonObject } from "../ocds/types.ts";
import { verifyAudit } from "../store/audit.ts";
import type { Store } from "../store/db.ts";
import { countReleases } from "../store/releases.ts";
import { importValidReleases, ReleaseBatch, releaseBatch } from "./ocds-import.ts";

const actor = { username: "test", reason: "import use case" };
const good = demoReleases()[0] as JsonObject;

describe("importing OCDS releases", () => {
  let store: Store;
  useSuiteStore(sqliteTarget("nous-ocds-import-"), { opened: (s) => (store = s) });

  it("stores valid releases once; a second import changes nothing", async () => {
    expect(await importValidReleases(store, [good], actor)).toEqual({
      received: 1,
      inserted: 1,
      unchanged: 0,
    });
    expect(await importValidReleases(store, [good], actor)).toEqual({
      received: 1,
      inserted: 0,
      unchanged: 1,
    });
  });

  it("refuses a package with one bad release, naming its JSON path, and stores nothing", async () => {
    const before = await countReleases(store);
    const audit = (await verifyAudit(store)).entries;
    const bad = { ...good, id: "bad-date", date: "yesterday" };
    const other = { ...good, ocid: `${String(good.ocid)}-other`, id: "other" };
    await expect(importValidReleases(store, [other, bad], actor)).rejects.toThrow(
      expect.objectContaining({ location: { path: "$.releases[1].date" } }),
    );
    expect(await countReleases(store)).toBe(before);
    expect((await verifyAudit(store)).entries).toBe(audit);
  });

  it("says what it expected when the releases are not an array", () => {
    expect(() => releaseBatch({ not: "an array" })).toThrow(
      "expected a release package with a releases array",
    );
  });

  it("takes a file's release package or release, and refuses a record naming the document", () => {
    const batch = new ReleaseBatch();
    expect(
      batch.addDocument({
        uri: "https://example.org/releases.json",
        publishedDate: "2025-01-01T00:00:00Z",
        version: "1.1",
        publisher: { name: "p" },
        releases: [good],
      }),
    ).toEqual([]);
    expect(batch.addDocument(good)).toEqual([]);
    expect(batch.releases).toHaveLength(2);
    const problems = batch.addDocument({ ocid: "ocds-x", releases: [good], compiledRelease: good });
    expect(problems).toEqual([
      {
        path: "$",
        message:
          "expected a release package or a release, got a record; import the releases it was compiled from",
      },
    ]);
    expect(batch.documents).toBe(3);
  });
});
