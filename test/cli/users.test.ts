/**
 * `nous users ...` from the command line: list accounts, list and revoke a token, disable and
 * change role with a reason (audited), and the last administrator kept.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigrated } from "../../src/store/db.ts";
import { userForApiToken } from "../../src/store/users.ts";

const work = mkdtempSync(join(tmpdir(), "nous-users-cli-"));
const db = join(work, "nous.db");

function nous(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/nous.js", ...args, "--db", db], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("nous users", () => {
  beforeAll(() => {
    expect(nous("demo").code).toBe(0);
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("lists the accounts, and revokes a token by the id it lists", async () => {
    expect(nous("users", "list").stdout).toMatch(/^finance {10}finance {11}enabled$/m);
    const token = nous("users", "token", "finance", "--name", "ledger export").stdout.trim();
    const listed = nous("users", "tokens", "finance").stdout.trim().split("\n");
    const mine = listed.find((l) => l.endsWith("ledger export"))!;
    const id = mine.split(" ")[0]!;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(token).not.toContain(id);
    const r = nous("users", "revoke", "finance", id, "--reason", "script retired");
    expect(r.stdout).toBe(`revoked token ${id} (ledger export) of finance\n`);
    const store = await openMigrated(db);
    try {
      expect(await userForApiToken(store, token)).toBeUndefined();
      const entry = await store.db
        .selectFrom("audit_log")
        .select(["actor", "reason"])
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({ actor: "cli", reason: "script retired" });
    } finally {
      await store.close();
    }
  });

  it("keeps the last administrator, and refuses an unknown role, each with a one-line reason", () => {
    const last = nous("users", "disable", "admin", "--reason", "x");
    expect(last.code).toBe(1);
    expect(last.stderr).toBe(
      "nous: admin is the last enabled administrator: disabling them would leave nobody able to manage accounts\n",
    );
    const role = nous("users", "role", "finance", "boss", "--reason", "x");
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(
      /^nous: role: role must be one of admin, commercial, contract-manager, finance, scrutineer; got "boss"\n$/,
    );
    expect(nous("users", "disable", "finance", "--reason", "on leave").stdout).toBe("finance disabled\n");
    expect(nous("users", "list").stdout).toMatch(/^finance {10}finance {11}disabled$/m);
  });

  it("lists a locked account and unlocks it with a reason (audited); an unlocked one is refused", async () => {
    const store = await openMigrated(db);
    try {
      await store.db
        .insertInto("sign_in_throttle")
        .values({
          username: "contracts",
          failures: 10,
          last_failure_at: null,
          locked_at: "2026-12-01T09:00:00.000Z",
        })
        .execute();
    } finally {
      await store.close();
    }
    expect(nous("users", "list").stdout).toMatch(/^contracts {8}contract-manager {2}enabled locked$/m);
    const r = nous("users", "unlock", "contracts", "--reason", "owner called the service desk");
    expect(r).toMatchObject({ code: 0, stdout: "contracts unlocked: it may sign in again\n" });
    expect(nous("users", "list").stdout).toMatch(/^contracts {8}contract-manager {2}enabled$/m);
    const again = nous("users", "unlock", "contracts", "--reason", "x");
    expect(again).toMatchObject({ code: 1, stderr: "nous: contracts is not locked\n" });
    const check = await openMigrated(db);
    try {
      const entry = await check.db
        .selectFrom("audit_log")
        .select(["actor", "action", "reason"])
        .orderBy("seq", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      expect(entry).toEqual({ actor: "cli", action: "unlock", reason: "owner called the service desk" });
    } finally {
      await check.close();
    }
  });

  it("reads a new password from stdin and refuses a common one in one line", () => {
    const bad = spawnSync(
      process.execPath,
      ["bin/nous.js", "users", "password", "finance", "--reason", "reset", "--db", db],
      { encoding: "utf8", input: "password1234\n", env: { ...process.env, NOUS_PASSWORD: "" } },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(
      /^nous: password: the password is one of the most commonly used passwords[^\n]*\n$/,
    );
    const good = spawnSync(
      process.execPath,
      ["bin/nous.js", "users", "password", "finance", "--reason", "reset", "--db", db],
      { encoding: "utf8", input: "a ledger nobody guesses\n", env: { ...process.env, NOUS_PASSWORD: "" } },
    );
    expect(good).toMatchObject({ status: 0, stdout: "password of finance changed\n", stderr: "" });
  });
});
