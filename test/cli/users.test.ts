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
});
