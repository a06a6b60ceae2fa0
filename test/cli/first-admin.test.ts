/**
 * A fresh install: `nous serve` on an empty database loads no demo and no accounts (so none of
 * the README's published passwords work), and says how to create the first administrator;
 * `nous users add NAME --role admin` then takes the password from stdin. Only `--demo` loads
 * the demo scenario. Real `nous` processes on a real SQLite file, on 127.0.0.1.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "nous-first-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(
  db: string,
  ...extra: string[]
): Promise<{ child: ChildProcess; base: string; out: () => string }> {
  const child = spawn(
    process.execPath,
    ["bin/nous.js", "serve", "--db", db, "--port", "0", "--log-level", "silent", ...extra],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Dashboard: (http:\/\/[\d.]+:\d+)\//.exec(out);
      // The lines after the address are written in the same tick; wait for the end of output.
      if (m && /\n$/.test(out) && /API docs/.test(out))
        setTimeout(() => {
          clearTimeout(timer);
          resolve({ child, base: m[1]!, out: () => out });
        }, 200);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function stop(child: ChildProcess) {
  child.kill("SIGTERM");
  await new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r),
  );
}

async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

describe("a fresh install", () => {
  it("serves an empty store with no accounts and says how to create the first administrator", async () => {
    const db = join(dir, "fresh.db");
    const { child, base, out } = await serve(db);
    try {
      expect(out()).toContain(
        `No accounts yet. Create the first administrator (the password is asked for, or read from stdin):\n  nous users add NAME --role admin --db ${db}\n`,
      );
      expect(out()).not.toContain("demo-admin-pass");
      expect(await signIn(base, "admin", "demo-admin-pass")).toBe(401);
      const services = (await (await fetch(`${base}/api/services`)).json()) as unknown[];
      expect(services).toEqual([]);
    } finally {
      await stop(child);
    }
    const add = spawnSync(
      process.execPath,
      ["bin/nous.js", "users", "add", "chief", "--role", "admin", "--db", db],
      {
        encoding: "utf8",
        input: "a chief officer's passphrase\n",
        env: { ...process.env, NOUS_PASSWORD: "" },
      },
    );
    expect(add).toMatchObject({ status: 0, stdout: "created chief (admin)\n", stderr: "" });
    const again = await serve(db);
    try {
      expect(again.out()).not.toContain("No accounts yet");
      expect(await signIn(again.base, "chief", "a chief officer's passphrase")).toBe(200);
      expect(await signIn(again.base, "admin", "demo-admin-pass")).toBe(401);
    } finally {
      await stop(again.child);
    }
  });

  it("loads the demo scenario only with --demo", async () => {
    const db = join(dir, "demo.db");
    const { child, base, out } = await serve(db, "--demo");
    try {
      expect(out()).toContain("Loaded the demo scenario");
      expect(out()).toMatch(/admin\s+demo-admin-pass\s+admin/);
      expect(await signIn(base, "admin", "demo-admin-pass")).toBe(200);
    } finally {
      await stop(child);
    }
  });
});
