/**
 * Managing accounts in the store, on SQLite and on a real PostgreSQL server: listing and revoking
 * API tokens (never showing a secret or its hash), changing one's own password, an
 * administrator's reset, disabling and enabling an account (its sessions and tokens stop at
 * once), changing roles, and never leaving the body without an enabled administrator. Every
 * change is in the audit trail, and no password or token is.
 */
import { describe, expect, it } from "vitest";
import { listAudit, verifyAudit } from "../../src/store/audit.ts";
import type { Store } from "../../src/store/db.ts";
import { ConflictError, InputError, NotFoundError } from "../../src/shared/errors.ts";
import {
  addUser,
  changeOwnPassword,
  changeRole,
  createApiToken,
  listApiTokens,
  listUsers,
  login,
  resetPassword,
  revokeApiToken,
  setAccountDisabled,
  tokenHash,
  userForApiToken,
  userForSession,
} from "../../src/store/users.ts";
import { describePg } from "../support/pg.ts";
import { type StoreTarget, pgTarget, sqliteTarget, useSuiteStore } from "../support/store-suite.ts";

const PASSWORDS: Record<string, string> = {
  boss: "head-of-service-1",
  deputy: "second-in-command-1",
  ledger: "ledger-keeping-key-1",
  watcher: "scrutiny-phrase-one",
};

async function seed(store: Store): Promise<void> {
  await addUser(store, { username: "boss", role: "admin", password: PASSWORDS.boss! }, "setup", "seed");
  await addUser(
    store,
    { username: "deputy", role: "commercial", password: PASSWORDS.deputy! },
    "setup",
    "seed",
  );
  await addUser(store, { username: "ledger", role: "finance", password: PASSWORDS.ledger! }, "setup", "seed");
  await addUser(
    store,
    { username: "watcher", role: "scrutineer", password: PASSWORDS.watcher! },
    "setup",
    "seed",
  );
}

async function rejection(p: Promise<unknown>): Promise<InputError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused");
}

function accountsSuite(kind: string, target: StoreTarget): void {
  describe(`accounts on ${kind}`, () => {
    let store: Store;
    // The ledger account's password after the reset below (each suite seeds its own database).
    let ledgerPassword = PASSWORDS.ledger!;
    useSuiteStore(target, {
      seed,
      opened: (s) => {
        store = s;
      },
    });

    it("lists a user's API tokens by name, date and id, never the secret or its hash, and revokes one", async () => {
      const first = await createApiToken(store, "ledger", "invoice export", "boss", "monthly export script");
      const second = await createApiToken(store, "ledger", "invoice export", "boss");
      const tokens = await listApiTokens(store, "ledger");
      expect(tokens.map((t) => t.name)).toEqual(["invoice export", "invoice export"]);
      expect(tokens[0]!.id).toMatch(/^[0-9a-f]{16}$/);
      expect(tokens[0]!.id).not.toBe(tokens[1]!.id);
      expect(tokens[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const text = JSON.stringify(tokens);
      for (const secret of [first, second]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(tokenHash(secret));
      }

      // Two tokens share a name; the id tells them apart and only the one named stops working.
      const firstId = tokens[0]!.id;
      const revoked = await revokeApiToken(store, "ledger", firstId, "boss", "script retired");
      expect(revoked).toMatchObject({ id: firstId, name: "invoice export" });
      expect((await listApiTokens(store, "ledger")).map((t) => t.id)).toEqual([tokens[1]!.id]);
      const working = [await userForApiToken(store, first), await userForApiToken(store, second)];
      expect(working.filter(Boolean).map((u) => u?.username)).toEqual(["ledger"]);

      const entry = (await listAudit(store, { entity: "api_token", limit: 1 }))[0]!;
      expect(entry).toMatchObject({ action: "revoke", actor: "boss", reason: "script retired" });
      expect(entry.entity_id).toBe("ledger:invoice export");
      expect(entry.data_json).not.toContain(first);
      expect(entry.data_json).not.toContain(tokenHash(first));

      const unknown = await rejection(revokeApiToken(store, "ledger", "0123456789abcdef", "boss", "x"));
      expect(unknown).toBeInstanceOf(NotFoundError);
      expect(unknown.status).toBe(404);
      expect((await rejection(listApiTokens(store, "nobody"))).message).toBe("user nobody not found");
    });

    it("revokes exactly the token named by its id", async () => {
      const a = await createApiToken(store, "deputy", "a", "boss");
      const b = await createApiToken(store, "deputy", "b", "boss");
      const idOfA = (await listApiTokens(store, "deputy")).find((t) => t.name === "a")!.id;
      await revokeApiToken(store, "deputy", idOfA, "deputy", "no longer used");
      expect(await userForApiToken(store, a)).toBeUndefined();
      expect((await userForApiToken(store, b))?.username).toBe("deputy");
      // Another account's token id is not found under this account.
      const idOfB = (await listApiTokens(store, "deputy"))[0]!.id;
      expect((await rejection(revokeApiToken(store, "ledger", idOfB, "boss", "x"))).status).toBe(404);
      expect((await userForApiToken(store, b))?.username).toBe("deputy");
    });

    it("changes one's own password only with the current one, ending the other sessions", async () => {
      const here = await login(store, "watcher", PASSWORDS.watcher!);
      const elsewhere = await login(store, "watcher", PASSWORDS.watcher!);
      expect(here && elsewhere).toBeTruthy();

      const wrong = await rejection(
        changeOwnPassword(store, "watcher", "not-the-password", "a-new-secret-phrase"),
      );
      expect(wrong).toMatchObject({ code: "wrong_password", message: "the current password is not right" });
      expect(wrong.location.path).toBe("currentPassword");
      const short = await rejection(changeOwnPassword(store, "watcher", PASSWORDS.watcher!, "short"));
      expect(short.message).toBe("the password must be at least 12 characters");
      expect(await login(store, "watcher", PASSWORDS.watcher!)).not.toBeNull();

      await changeOwnPassword(store, "watcher", PASSWORDS.watcher!, "scrutiny-phrase-two", here!.token);
      expect(await login(store, "watcher", PASSWORDS.watcher!)).toBeNull();
      expect((await login(store, "watcher", "scrutiny-phrase-two"))?.user.username).toBe("watcher");
      expect((await userForSession(store, here!.token))?.username).toBe("watcher");
      expect(await userForSession(store, elsewhere!.token)).toBeUndefined();

      const entry = (await listAudit(store, { entity: "user", entityId: "watcher", limit: 1 }))[0]!;
      expect(entry).toMatchObject({ action: "change_password", actor: "watcher" });
      expect(entry.data_json).not.toContain("scrutiny-phrase");
    });

    it("lets an administrator set anyone's password, ending that account's sessions", async () => {
      const s = await login(store, "ledger", ledgerPassword);
      await resetPassword(store, "ledger", "ledger-keeping-key-2", "boss", "forgot it");
      expect(await userForSession(store, s!.token)).toBeUndefined();
      expect(await login(store, "ledger", ledgerPassword)).toBeNull();
      expect((await login(store, "ledger", "ledger-keeping-key-2"))?.user.role).toBe("finance");
      const entry = (await listAudit(store, { entity: "user", entityId: "ledger", limit: 1 }))[0]!;
      expect(entry).toMatchObject({ action: "reset_password", actor: "boss", reason: "forgot it" });
      expect(entry.data_json).toBe('{"username":"ledger"}');
      expect((await rejection(resetPassword(store, "ledger", "1234567", "boss", "x"))).status).toBe(400);
      expect(
        (await rejection(resetPassword(store, "nobody", "a-long-enough-phrase", "boss", "x"))).status,
      ).toBe(404);
      ledgerPassword = "ledger-keeping-key-2";
    });

    it("stops a disabled account's sign-in, sessions and tokens at once; enabling restores its tokens", async () => {
      const session = await login(store, "ledger", ledgerPassword);
      const token = await createApiToken(store, "ledger", "nightly", "boss");
      const after = await setAccountDisabled(store, "ledger", true, "boss", "left the authority");
      expect(after).toMatchObject({ username: "ledger", disabled: true });
      expect(await login(store, "ledger", ledgerPassword)).toBeNull();
      expect(await userForSession(store, session!.token)).toBeUndefined();
      expect(await userForApiToken(store, token)).toBeUndefined();
      expect((await listUsers(store)).find((u) => u.username === "ledger")?.disabled).toBe(1);
      const wrong = await rejection(changeOwnPassword(store, "ledger", ledgerPassword, "whatever-it-is-123"));
      expect(wrong.code).toBe("wrong_password");

      await setAccountDisabled(store, "ledger", false, "boss", "back from leave");
      expect((await userForApiToken(store, token))?.username).toBe("ledger");
      expect(await login(store, "ledger", ledgerPassword)).not.toBeNull();
      // The old session stays ended.
      expect(await userForSession(store, session!.token)).toBeUndefined();
      const actions = (await listAudit(store, { entity: "user", entityId: "ledger", limit: 2 })).map(
        (e) => `${e.action}: ${e.reason}`,
      );
      expect(actions).toEqual(["enable: back from leave", "disable: left the authority"]);
    });

    it("changes a role, which a signed-in session sees on its next request", async () => {
      const s = await login(store, "deputy", PASSWORDS.deputy!);
      const changed = await changeRole(
        store,
        "deputy",
        "contract-manager",
        "boss",
        "moved to contract management",
      );
      expect(changed.role).toBe("contract-manager");
      expect((await userForSession(store, s!.token))?.role).toBe("contract-manager");
      const entry = (await listAudit(store, { entity: "user", entityId: "deputy", limit: 1 }))[0]!;
      expect(JSON.parse(entry.data_json)).toEqual({
        username: "deputy",
        from: "commercial",
        to: "contract-manager",
      });
      const bad = await rejection(changeRole(store, "deputy", "public", "boss", "x"));
      expect(bad.message).toBe(
        'role must be one of admin, commercial, contract-manager, finance, scrutineer; got "public"',
      );
    });

    it("never leaves the body without an enabled administrator", async () => {
      const disable = await rejection(setAccountDisabled(store, "boss", true, "boss", "x"));
      expect(disable).toBeInstanceOf(ConflictError);
      expect(disable.status).toBe(409);
      expect(disable.message).toBe(
        "boss is the last enabled administrator: disabling them would leave nobody able to manage accounts",
      );
      const demote = await rejection(changeRole(store, "boss", "finance", "boss", "x"));
      expect(demote.message).toMatch(/^boss is the last enabled administrator: making them finance/);

      // A second administrator makes either change possible, once.
      await changeRole(store, "deputy", "admin", "boss", "a second administrator");
      await setAccountDisabled(store, "deputy", true, "boss", "on leave");
      // A disabled administrator does not count.
      expect((await rejection(changeRole(store, "boss", "finance", "boss", "x"))).status).toBe(409);
      await setAccountDisabled(store, "deputy", false, "boss", "back");
      await changeRole(store, "boss", "commercial", "deputy", "hand over administration");
      expect((await rejection(setAccountDisabled(store, "deputy", true, "deputy", "x"))).status).toBe(409);
      const roles = Object.fromEntries((await listUsers(store)).map((u) => [u.username, u.role]));
      expect(roles).toMatchObject({ boss: "commercial", deputy: "admin" });
    });

    it("keeps the audit chain intact with no password or token in it", async () => {
      expect((await verifyAudit(store)).ok).toBe(true);
      const all = await listAudit(store, { limit: 1000 });
      const text = JSON.stringify(all);
      expect(text).not.toMatch(/password-\d/);
      expect(text).not.toMatch(/nous_[A-Za-z0-9_-]{20,}/);
      expect(text).not.toContain("scrypt$");
    });
  });
}

accountsSuite("SQLite", sqliteTarget("nous-accounts-sqlite-"));
describePg("PostgreSQL", () => {
  accountsSuite("PostgreSQL", pgTarget);
});
