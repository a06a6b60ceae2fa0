/**
 * A sign-in's outcomes on a real SQLite store holding the demo, with the server's real address
 * limiter: the right password signs in (and forgets earlier failures), a wrong one and an unknown
 * name get the same refusal, a locked name is refused even with the right password, and an
 * unlocked account answers as unlocked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignInLimiter } from "../server/sign-in-limiter.ts";
import { type Store, openMigrated } from "../store/db.ts";
import { loadDemo } from "./demo.ts";
import { signIn, unlock } from "./accounts.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-app-accounts-"));
let store: Store;

beforeAll(async () => {
  store = await openMigrated(join(dir, "nous.db"));
  await loadDemo(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (username: string, password: string) => ({ username, password, address: "192.0.2.7", now: new Date() });

describe("signing in", () => {
  it("signs in with the right password and forgets the failure before it", async () => {
    const addresses = new SignInLimiter();
    expect((await signIn(store, addresses, at("admin", "not-the-password"))).kind).toBe("refused");
    const ok = await signIn(store, addresses, at("admin", "demo-admin-pass"));
    expect(ok).toMatchObject({ kind: "signed-in", me: { username: "admin", role: "admin" } });
    const row = await store.db.selectFrom("sign_in_throttle").selectAll().where("username", "=", "admin").executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it("refuses a wrong password and an unknown name in the same words", async () => {
    const addresses = new SignInLimiter();
    const wrong = await signIn(store, addresses, at("scrutineer", "not-the-password"));
    const unknown = await signIn(store, addresses, at("nobody-here", "not-the-password"));
    expect(wrong).toEqual({ kind: "refused", message: "wrong username or password, or the account is disabled" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses a locked account even with the right password, until an administrator unlocks it", async () => {
    await store.db
      .insertInto("sign_in_throttle")
      .values({ username: "finance", failures: 10, last_failure_at: null, locked_at: new Date().toISOString() })
      .execute();
    const addresses = new SignInLimiter();
    const locked = await signIn(store, addresses, at("finance", "demo-finance-pass"));
    expect(locked.kind).toBe("locked");
    expect(await unlock(store, "finance", "admin", "holder confirmed the attempts")).toMatchObject({
      username: "finance",
      locked: false,
    });
  });
});
