/**
 * The platform commands as a user runs them: a real `nous` process on a real SQLite file.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "nous-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nousWith(input: string | undefined, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NOUS_QUIET: "1" };
  delete env.NOUS_PASSWORD;
  const r = spawnSync(process.execPath, ["bin/nous.js", ...args], { encoding: "utf8", env, input });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function nous(...args: string[]) {
  return nousWith("", args);
}

describe("nous platform commands", () => {
  const db = join(dir, "demo.db");

  it("creates a demo database and verifies its audit chain", () => {
    const demo = nous("demo", "--db", db);
    expect(demo.code).toBe(0);
    expect(demo.out).toContain("Demo scenario loaded");
    expect(demo.out).toMatch(/scrutineer\s+demo-scrutineer-pass\s+scrutineer/);
    const verify = nous("audit", "verify", "--db", db);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/audit chain intact: \d+ entries/);
  });

  it("fails verification and names the entry after one row of the log is edited by hand", () => {
    const copy = join(dir, "tampered.db");
    expect(nous("db", "backup", join(dir, "b.jsonl"), "--db", db).code).toBe(0);
    expect(nous("db", "restore", join(dir, "b.jsonl"), "--db", copy).code).toBe(0);
    const sqlite = new SQLite(copy);
    sqlite.prepare("update audit_log set actor = 'someone else' where seq = 12").run();
    sqlite.close();
    const verify = nous("audit", "verify", "--db", copy);
    expect(verify.code).toBe(1);
    expect(verify.err).toMatch(/audit chain broken at entry 12: .*edited/);
  });

  it("adds accounts and refuses bad input with a one-line reason and a non-zero exit", () => {
    // The password is piped on stdin (not a terminal): never needed on the command line.
    const add = nousWith("long enough passphrase\n", [
      "users",
      "add",
      "auditor",
      "--role",
      "scrutineer",
      "--db",
      db,
    ]);
    expect(add).toMatchObject({ code: 0, out: "created auditor (scrutineer)\n", err: "" });
    const bad = nousWith("long enough passphrase\n", ["users", "add", "x2", "--role", "mayor", "--db", db]);
    expect(bad.code).toBe(1);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toMatch(
      /role must be one of admin, commercial, contract-manager, finance, scrutineer; got "mayor"/,
    );
    const dup = nousWith("long enough passphrase\n", [
      "users",
      "add",
      "auditor",
      "--role",
      "scrutineer",
      "--db",
      db,
    ]);
    expect(dup.code).toBe(1);
    expect(dup.err).toMatch(/already exists/);
    // --password still works for scripts, with a warning that the command line is visible.
    const argv = nous(
      "users",
      "add",
      "auditor2",
      "--role",
      "scrutineer",
      "--password",
      "long enough passphrase",
      "--db",
      db,
    );
    expect(argv.code).toBe(0);
    expect(argv.err).toMatch(/^nous: warning: a password given with --password can be read by other users/);
  });

  it("refuses to restore over data without --force, and leaves the data as it was", () => {
    const r = nous("db", "restore", join(dir, "b.jsonl"), "--db", db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already holds data/);
    expect(nous("audit", "verify", "--db", db).code).toBe(0);
  });

  it("has --help on every command", () => {
    const top = nous("--help");
    expect(top.code).toBe(0);
    for (const cmd of [
      ["serve"],
      ["demo"],
      ["db", "migrate"],
      ["db", "backup"],
      ["db", "restore"],
      ["users", "add"],
      ["audit", "verify"],
    ]) {
      const h = nous(...cmd, "--help");
      expect(h.code, cmd.join(" ")).toBe(0);
      expect(h.out).toMatch(/Usage: nous/);
    }
  });

  it("names a missing file", () => {
    const r = nous("db", "restore", join(dir, "nope.jsonl"), "--db", join(dir, "empty.db"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.jsonl: no such file or directory/);
  });
});
