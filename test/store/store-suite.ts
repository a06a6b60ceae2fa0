/**
 * The store's behaviour, written once and run against every store kind: the same migrations and
 * the same assertions on SQLite and on a real PostgreSQL server.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { verifyAudit, withAudit } from "../../src/store/audit.ts";
import { backup, restore, wipe } from "../../src/store/backup.ts";
import { migrate, openMigrated, type Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { getContract, listDecisions, listServices, updateService } from "../../src/store/records.ts";
import { countReleases, importReleases } from "../../src/store/releases.ts";
import { addUser, login, userForSession } from "../../src/store/users.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const release = (ocid: string, id: string, extra: Record<string, unknown> = {}) => ({
  ocid,
  id,
  date: "2016-01-01T00:00:00Z",
  tag: ["tender"],
  initiationType: "tender",
  buyer: { name: "Mayor's Office for Policing and Crime" },
  ...extra,
});

export function storeSuite(kind: string, target: StoreTarget): void {
  describe(`store on ${kind}`, () => {
    let store: Store;
    const { dir } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-store-",
      opened: (s) => {
        store = s;
      },
    });

    it("runs the migrations once: a second run applies nothing", async () => {
      expect(await migrate(store)).toEqual([]);
    });

    it("holds the demo scenario with money as exact integer pence", async () => {
      const services = await listServices(store, false);
      expect(services.map((s) => s.id)).toContain("detention-officers");
      expect(services).toHaveLength(9);
      const sscl = await getContract(store, "sscl-bss", false);
      expect(sscl.valuePence).toBe(23_450_000_000);
      expect(sscl.savingsClaimedPence).toBe(10_140_000_000);
      expect(sscl.supplier).toBe("Shared Services Connected Ltd");
      expect(sscl.demoFields).toContain("awardedOn (day)");
    });

    it("shows the public only what is published", async () => {
      const pub = await listServices(store, true);
      expect(pub.map((s) => s.id)).not.toContain("detention-officers");
      const decisions = await listDecisions(store, { publishedOnly: true });
      expect(decisions.map((d) => d.id)).not.toContain("d-2016-detention-procurement");
      expect(decisions.map((d) => d.id)).toContain("d-2015-fbc");
    });

    it("audits every change in a hash chain that verifies", async () => {
      await withAudit(store, (trx) =>
        updateService(
          trx,
          "catering",
          { stage: "procurement" },
          { username: "commercial", reason: "OBC approved" },
        ),
      );
      const r = await verifyAudit(store);
      expect(r.ok).toBe(true);
      const last = await store.db
        .selectFrom("audit_log")
        .selectAll()
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({
        actor: "commercial",
        action: "update",
        entity: "service",
        entity_id: "catering",
        reason: "OBC approved",
      });
      expect(r.entries).toBe(last.seq);
    });

    it("names the first broken entry when a row of the log is edited by hand", async () => {
      await sql`update audit_log set reason = 'nothing to see' where seq = 5`.execute(store.db);
      const r = await verifyAudit(store);
      expect(r.ok).toBe(false);
      expect(r.broken?.seq).toBe(5);
      expect(r.broken?.reason).toMatch(/edited/);
    });

    it("imports releases all or nothing, and idempotently", async () => {
      await wipe(store);
      const first = await importReleases(store, [release("ocds-x-1", "r1"), release("ocds-x-1", "r2")], {
        username: "t",
        reason: "t",
      });
      expect(first).toEqual({ received: 2, inserted: 2, unchanged: 0 });
      const again = await importReleases(store, [release("ocds-x-1", "r1"), release("ocds-x-1", "r2")], {
        username: "t",
        reason: "t",
      });
      expect(again).toEqual({ received: 2, inserted: 0, unchanged: 2 });
      // A package with a new release and a changed copy of a held one changes nothing at all.
      await expect(
        importReleases(
          store,
          [release("ocds-x-2", "r1"), release("ocds-x-1", "r2", { initiationType: "changed" })],
          {
            username: "t",
            reason: "t",
          },
        ),
      ).rejects.toThrow(/already held with different content/);
      expect(await countReleases(store)).toBe(2);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("keeps passwords hashed and opens sessions only for the right password", async () => {
      await addUser(store, { username: "alice", role: "finance", password: "correct horse cart" }, "t", "t");
      const row = await store.db
        .selectFrom("users")
        .selectAll()
        .where("username", "=", "alice")
        .executeTakeFirstOrThrow();
      expect(row.password_hash).not.toContain("correct horse cart");
      expect(row.password_hash).toMatch(/^scrypt\$/);
      expect(await login(store, "alice", "wrong horse")).toBeNull();
      const ok = await login(store, "alice", "correct horse cart");
      expect(ok?.user.role).toBe("finance");
      expect((await userForSession(store, ok!.token))?.username).toBe("alice");
      await expect(
        addUser(store, { username: "alice", role: "finance", password: "another one entirely" }, "t", "t"),
      ).rejects.toThrow(/already exists/);
    });

    it("backs up and restores into an empty database with the chain intact; refuses a tampered backup", async () => {
      const file = join(dir, "backup.jsonl");
      await wipe(store);
      await loadDemo(store);
      const counts = await backup(store, file);
      expect(counts.services).toBe(9);

      const other = await target.create();
      const copy = await openMigrated(other.url);
      try {
        const tampered = join(dir, "tampered.jsonl");
        writeFileSync(
          tampered,
          readFileSync(file, "utf8").replace("Tagwatch Monitoring Ltd (fictional)", "Someone Else Ltd"),
        );
        await expect(restore(copy, tampered)).rejects.toThrow(/audit chain is broken at entry/);
        expect(await listServices(copy, false)).toHaveLength(0);

        await restore(copy, file);
        expect(await listServices(copy, false)).toHaveLength(9);
        expect((await verifyAudit(copy)).ok).toBe(true);
        // A second restore over data needs --force.
        await expect(restore(copy, file)).rejects.toThrow(/already holds data/);
        // Accounts restored with their ids still accept new accounts.
        await addUser(copy, { username: "newcomer", role: "scrutineer", password: "long enough passphrase" }, "t", "t");
      } finally {
        await copy.close();
        await other.drop();
      }
    });
  });
}
