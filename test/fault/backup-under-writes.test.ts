/**
 * A backup taken while another connection keeps writing restores to a consistent store. The
 * writer adds services one at a time, each with its audit entry, through its own connection; the
 * backup must hold one moment of the store: every service it holds has its audit entry and no
 * entry lacks its service, the services are an unbroken run from the first, and the audit chain
 * (checked by restore) holds. A backup that read table by table as the writes went on would hold
 * entries whose services it never read, or a head that does not match its chain.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backup, restore } from "../../src/store/backup.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { insertService } from "../../src/store/records.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { createTestDatabase, describePg } from "../support/pg.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-backup-writes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Releases loaded first, so the backup spans many pages while the writer runs. */
const FILLER_RELEASES = 6_000;

async function fill(store: Store): Promise<void> {
  await loadDemo(store);
  const rows = Array.from({ length: FILLER_RELEASES }, (_, i) => ({
    ocid: `ocds-bk-${i}`,
    id: `bk-${i}`,
    date: "2026-03-01T00:00:00Z",
    tag: ["tender"],
    buyer: { name: "Mayor's Office for Policing and Crime" },
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await store.db
      .insertInto("releases")
      .values(
        rows.slice(i, i + 500).map((r) => ({
          ocid: r.ocid,
          release_id: r.id,
          date: r.date,
          tags: JSON.stringify(r.tag),
          buyer: r.buyer.name,
          data_json: JSON.stringify(r),
          imported_at: "2026-03-02T00:00:00Z",
        })),
      )
      .execute();
  }
}

/** Adds services bk-svc-0, 1, 2, ... each with its audit entry, until `stop()`; resolves with how many. */
function startWriter(store: Store): { stop(): Promise<number> } {
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running) {
      await store.db.transaction().execute((trx) =>
        insertService(
          trx,
          {
            id: `bk-svc-${n}`,
            name: `Service ${n}`,
            description: "",
            owner: "",
            annual_cost_pence: null,
            staff: null,
            volumes: "",
            classification: "non-core",
            classification_reason: "written during a backup",
            stage: "pipeline",
            wave_id: null,
            published: 0,
            demo_fields_json: "[]",
            source: "",
          },
          { username: "writer", reason: "backup test" },
        ),
      );
      n++;
      await new Promise((r) => setImmediate(r));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return n;
    },
  };
}

async function consistent(store: Store): Promise<{ services: number; entries: number }> {
  const services = (await store.db.selectFrom("services").select("id").where("id", "like", "bk-svc-%").execute()).map(
    (r) => r.id,
  );
  const entries = (
    await store.db.selectFrom("audit_log").select("entity_id").where("entity_id", "like", "bk-svc-%").execute()
  ).map((r) => r.entity_id);
  expect(new Set(entries)).toEqual(new Set(services));
  const numbers = services.map((s) => Number(s.slice("bk-svc-".length))).sort((a, b) => a - b);
  expect(numbers).toEqual(numbers.map((_, i) => i));
  expect((await verifyAudit(store)).ok).toBe(true);
  return { services: services.length, entries: entries.length };
}

function suite(open: (name: string) => Promise<{ url: string; drop?: () => Promise<void> }>) {
  it("restores to one moment of the store: services and their audit entries agree, the chain holds", async () => {
    const source = await open("source");
    const target = await open("target");
    const main = await openMigrated(source.url);
    // The writer has a connection of its own, as a second process or the running server would.
    const writerStore = await openMigrated(source.url);
    const restored = await openMigrated(target.url);
    try {
      await fill(main);
      const writer = startWriter(writerStore);
      // Let the writer get going, then back up while it writes.
      while ((await main.db.selectFrom("services").select("id").where("id", "like", "bk-svc-%").execute()).length < 5)
        await new Promise((r) => setTimeout(r, 5));
      const file = join(dir, `backup-${Date.now()}-${Math.random()}.jsonl`);
      const counts = await backup(main, file);
      const written = await writer.stop();
      const inBackup = readFileSync(file, "utf8").split("\n").filter((l) => l.includes('"bk-svc-')).length;
      await restore(restored, file);
      const got = await consistent(restored);
      console.log(
        `backup under writes: ${written} services written, ${got.services} in the backup (${counts.releases} releases, ${inBackup} lines naming them)`,
      );
      // The writer went on past the snapshot: the backup is a moment, not the end state.
      expect(got.services).toBeGreaterThanOrEqual(5);
      expect(written).toBeGreaterThan(got.services);
      expect(counts.releases).toBeGreaterThanOrEqual(FILLER_RELEASES);
    } finally {
      await writerStore.close();
      await main.close();
      await restored.close();
      await source.drop?.();
      await target.drop?.();
    }
  }, 120_000);
}

describe("a backup while writes run, SQLite", () => {
  suite(async (name) => ({ url: join(dir, `${name}-${Date.now()}.db`) }));
});

describePg("a backup while writes run, PostgreSQL", () => {
  suite(async () => {
    const db = await createTestDatabase();
    return { url: db.url, drop: () => db.drop() };
  });
});
