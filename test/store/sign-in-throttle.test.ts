/**
 * The sign-in throttle in the store, on SQLite and on a real PostgreSQL server: free failures,
 * then a doubling wait, then a lock that survives reopening the store and that only an
 * administrator's unlock (audited, with its reason) lifts; a success forgets the failures;
 * unknown names are throttled the same way; attempts made at once cannot slip past the limit.
 * Time is passed in, so nothing here waits.
 */
import { describe, expect, it } from "vitest";
import { listAudit, verifyAudit } from "../../src/store/audit.ts";
import { type Store, openMigrated } from "../../src/store/db.ts";
import {
  FREE_FAILURES,
  LOCK_FAILURES,
  admitSignIn,
  delaySeconds,
  signInFailed,
  signInSucceeded,
  unlockAccount,
} from "../../src/store/sign-in-throttle.ts";
import { addUser, listUsers } from "../../src/store/users.ts";
import { describePg } from "../support/pg.ts";
import { type StoreTarget, pgTarget, sqliteTarget, useSuiteStore } from "../support/store-suite.ts";

const T0 = Date.parse("2026-12-01T09:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);

async function seed(store: Store): Promise<void> {
  for (const username of ["keeper", "clerk", "racer"])
    await addUser(store, { username, role: "finance", password: `${username}-long-phrase-1` }, "t", "seed");
}

/** One wrong attempt at `when`: what the throttle answered. */
async function wrong(store: Store, name: string, when: Date) {
  const a = await admitSignIn(store, name, when);
  if (a.kind !== "go") return a.kind === "wait" ? `wait ${a.retryAfterSeconds}` : "locked";
  return (await signInFailed(store, name, when, name !== "ghost")) ? "locked" : "refused";
}

function throttleSuite(kind: string, target: StoreTarget): void {
  describe(`sign-in throttle on ${kind}`, () => {
    let store: Store;
    const suite = useSuiteStore(target, {
      seed,
      opened: (s) => {
        store = s;
      },
    });

    it("lets 5 failures through, then doubles the wait, then locks at 10 until an administrator unlocks", async () => {
      const answers: string[] = [];
      for (let i = 0; i < FREE_FAILURES; i++) answers.push(await wrong(store, "keeper", at(i)));
      expect(answers).toEqual(Array(FREE_FAILURES).fill("refused"));
      // Straight after the fifth failure: wait 30 s (counted from the last failure at t=4).
      expect(await wrong(store, "keeper", at(5))).toBe("wait 29");
      let t = 4;
      const waits: number[] = [];
      for (let f = FREE_FAILURES; f < LOCK_FAILURES; f++) {
        waits.push(delaySeconds(f));
        t += delaySeconds(f);
        expect(await wrong(store, "keeper", at(t)), `failure ${f + 1}`).toBe(
          f + 1 === LOCK_FAILURES ? "locked" : "refused",
        );
      }
      expect(waits).toEqual([30, 60, 120, 240, 480]);
      // Locked: even a day later, and the right password is not even checked.
      expect(await admitSignIn(store, "keeper", at(t + 86_400))).toEqual({ kind: "locked" });
      expect((await listUsers(store)).find((u) => u.username === "keeper")?.locked_at).toBe(
        at(t).toISOString(),
      );
      const lock = (await listAudit(store, { entity: "user", limit: 5 })).find((e) => e.action === "lock");
      expect(lock).toMatchObject({
        actor: "nous",
        entity_id: "keeper",
        reason: "locked after 10 failed sign-ins",
      });

      await unlockAccount(store, "keeper", "boss", "owner phoned the service desk");
      const unlock = (await listAudit(store, { entity: "user", limit: 1 }))[0];
      expect(unlock).toMatchObject({ actor: "boss", action: "unlock", entity_id: "keeper" });
      expect(unlock?.reason).toBe("owner phoned the service desk");
      expect(await admitSignIn(store, "keeper", at(t + 86_401))).toEqual({ kind: "go", failures: 1 });
      await signInSucceeded(store, "keeper");
      await expect(unlockAccount(store, "keeper", "boss", "again")).rejects.toThrow("keeper is not locked");
      await expect(unlockAccount(store, "nobody", "boss", "x")).rejects.toThrow("user nobody not found");
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("forgets the failures after a success, and after a day without one", async () => {
      for (let i = 0; i < 4; i++) expect(await wrong(store, "clerk", at(i))).toBe("refused");
      expect(await admitSignIn(store, "clerk", at(10))).toMatchObject({ kind: "go", failures: 5 });
      await signInSucceeded(store, "clerk");
      for (let i = 0; i < FREE_FAILURES; i++) expect(await wrong(store, "clerk", at(20 + i))).toBe("refused");
      expect(await wrong(store, "clerk", at(30))).toMatch(/^wait /);
      expect(await admitSignIn(store, "clerk", at(24 + 86_401))).toEqual({ kind: "go", failures: 1 });
    });

    it("throttles and locks an unknown name exactly like an account, without auditing it", async () => {
      const answers: string[] = [];
      for (let i = 0; i < FREE_FAILURES + 1; i++) answers.push(await wrong(store, "ghost", at(i)));
      expect(answers).toEqual([...Array(FREE_FAILURES).fill("refused"), "wait 29"]);
      let t = FREE_FAILURES - 1;
      for (let f = FREE_FAILURES; f < LOCK_FAILURES; f++) {
        t += delaySeconds(f);
        await wrong(store, "ghost", at(t));
      }
      expect(await admitSignIn(store, "ghost", at(t + 1))).toEqual({ kind: "locked" });
      expect((await listAudit(store, { limit: 50 })).some((e) => e.entity_id === "ghost")).toBe(false);
    });

    it("lets only 5 of 30 attempts made at the same moment check a password", async () => {
      const all = await Promise.all(Array.from({ length: 30 }, () => admitSignIn(store, "racer", at(0))));
      expect(all.filter((a) => a.kind === "go")).toHaveLength(FREE_FAILURES);
      expect(all.filter((a) => a.kind === "wait")).toHaveLength(30 - FREE_FAILURES);
    });

    it("keeps a lock when the store is closed and opened again (a restart)", async () => {
      const db = await suite.create();
      const first = await openMigrated(db.url);
      await seed(first);
      let t = 0;
      for (let f = 0; f < LOCK_FAILURES; f++) {
        t += delaySeconds(f);
        await wrong(first, "racer", at(t));
      }
      await first.close();
      const again = await openMigrated(db.url);
      try {
        expect(await admitSignIn(again, "racer", at(t + 60))).toEqual({ kind: "locked" });
      } finally {
        await again.close();
      }
    });
  });
}

throttleSuite("SQLite", sqliteTarget("nous-throttle-sqlite-"));
describePg("PostgreSQL", () => {
  throttleSuite("PostgreSQL", pgTarget);
});
