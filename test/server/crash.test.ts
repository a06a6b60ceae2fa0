/**
 * Crash safety: a kill -9 of the server in the middle of a bulk write leaves the database
 * readable, and the write either whole or absent. The server is a real child process on a real
 * SQLite file; the bulk write is one release-package import of many releases.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

const N = 20_000;
const dir = mkdtempSync(join(tmpdir(), "nous-crash-"));

function startServer(db: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ["bin/nous.js", "serve", "--demo", "--db", db, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NOUS_QUIET: "1" },
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /Dashboard: (http:\/\/[\d.]+:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]! });
      }
    });
    child.stderr!.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

function releases(batch: number) {
  return Array.from({ length: N }, (_, i) => ({
    ocid: `ocds-crash-${batch}-${Math.floor(i / 4)}`,
    id: `r${i}`,
    date: "2016-03-01T00:00:00Z",
    tag: ["tender"],
    initiationType: "tender",
    buyer: { name: "Mayor's Office for Policing and Crime" },
    tender: { id: `t${i}`, title: `Lot ${i}`, value: { amount: 1000 + i, currency: "GBP" } },
  }));
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kill -9 during a bulk write", () => {
  for (const delayMs of [150, 400, 900]) {
    it(`leaves the database readable and the import whole or absent (killed ${delayMs} ms in)`, async () => {
      const db = join(dir, `crash-${delayMs}.db`);
      const { child, base } = await startServer(db);
      try {
        const login = await fetch(`${base}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "admin", password: "demo-admin-pass" }),
        });
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
        const body = JSON.stringify({ releases: releases(delayMs), reason: "bulk load" });
        const pending = fetch(`${base}/api/ocds/releases`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body,
        }).catch((e: unknown) => e);
        await new Promise((r) => setTimeout(r, delayMs));
        child.kill("SIGKILL");
        await pending;
      } finally {
        child.kill("SIGKILL");
      }
      await new Promise((r) =>
        child.exitCode !== null || child.signalCode !== null ? r(null) : child.once("exit", r),
      );

      const sqlite = new SQLite(db);
      try {
        expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
        // Only this import's releases: the demo holds OCDS releases of its own.
        const n = (
          sqlite.prepare("select count(*) as n from releases where ocid like 'ocds-crash-%'").get() as {
            n: number;
          }
        ).n;
        expect([0, N]).toContain(n);
        // The demo data written before the crash is all still there.
        const services = (sqlite.prepare("select count(*) as n from services").get() as { n: number }).n;
        expect(services).toBe(9);
        const audit = sqlite
          .prepare("select count(*) as n from audit_log where action = 'import' and actor <> 'demo-loader'")
          .get() as {
          n: number;
        };
        expect(audit.n).toBe(n === N ? 1 : 0);
      } finally {
        sqlite.close();
      }
    });
  }
});
