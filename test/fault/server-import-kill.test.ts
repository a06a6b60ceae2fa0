/**
 * kill -9 of the running server while it stores a large release import sent through the API
 * (`POST /api/ocds/releases`), on SQLite and on PostgreSQL. Afterwards the store opens and
 * verifies, the demo rows written before are all there, and the import is wholly present (with
 * its one audit entry) or wholly absent (with none). At least one kill on each store must land
 * while the server held an open write transaction and leave none of the import behind.
 */
import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { describePg } from "../support/pg.ts";
import {
  APP_NAME,
  type Child,
  type Kill,
  killWhen,
  nous,
  pgTarget,
  removeScratch,
  sqliteFile,
  sqliteTarget,
  type Target,
  writingNow,
} from "./support.ts";

const N = 8_000;
const KILL_AFTER_MS = [0, 20];

afterAll(() => removeScratch());

/** Starts `nous serve --demo` on a free port; resolves once it prints its address. */
function startServer(url: string): Promise<Child & { base: string }> {
  const child = spawn(process.execPath, ["bin/nous.js", "serve", "--demo", "--db", url, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PGAPPNAME: APP_NAME, NOUS_QUIET: "1", NOUS_LOG_LEVEL: "warn" },
  });
  let out = "";
  let err = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 60_000);
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /Dashboard: (http:\/\/[\d.]+:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1]!, stderr: () => err, exited });
      }
    });
    child.stderr!.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${out}${err}`)));
  });
}

function releases(batch: string) {
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

const count = async (t: Target, text: string) => Number((await t.query<{ n: number | string }>(text))[0]?.n);

function suite(kind: "sqlite" | "postgres", make: () => Promise<Target>) {
  const kills: { ms: number; kill: Kill; n: number }[] = [];
  for (const ms of KILL_AFTER_MS) {
    it(`killed ${ms} ms into storing the import: the store opens and verifies, the import is whole or absent`, async () => {
      const t = await make();
      try {
        const server = await startServer(t.url);
        const services = await count(t, "select count(*) as n from services");
        const login = await fetch(`${server.base}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: "admin", password: "demo-admin-pass" }),
        });
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
        const batch = `${kind}-${ms}`;
        const pending = fetch(`${server.base}/api/ocds/releases`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ releases: releases(batch), reason: "bulk load" }),
        }).catch((e: unknown) => e);
        const kill = await killWhen(server, t, writingNow(t), { afterMs: ms, timeoutMs: 60_000 });
        await pending;
        if (kind === "sqlite") {
          const rows = await t.query<{ integrity_check: string }>("pragma integrity_check");
          expect(rows[0]?.integrity_check).toBe("ok");
        }
        const n = await count(t, `select count(*) as n from releases where ocid like 'ocds-crash-${batch}-%'`);
        expect([0, N]).toContain(n);
        kills.push({ ms, kill, n });
        expect(await count(t, "select count(*) as n from services")).toBe(services);
        const imports = await count(
          t,
          "select count(*) as n from audit_log where action = 'import' and actor <> 'demo-loader'",
        );
        expect(imports).toBe(n === N ? 1 : 0);
        const verify = nous(["audit", "verify", "--db", t.url]);
        expect(verify.stderr).toBe("");
        expect(verify.code).toBe(0);
      } finally {
        await t.close();
      }
    }, 120_000);
  }

  it("at least one kill landed mid-write and left none of the import behind", () => {
    const summary = kills.map((k) => `+${k.ms} ms: killed=${k.kill.killed} writing=${k.kill.writing} stored=${k.n}`);
    console.log(`${kind} server import kills:\n  ${summary.join("\n  ")}`);
    expect(kills.filter((k) => k.kill.killed && k.kill.writing && k.n === 0).length, summary.join("; ")).toBeGreaterThan(0);
  });
}

describe("kill -9 of the server during an API import, SQLite", () => {
  suite("sqlite", async () => sqliteTarget(sqliteFile()));
});

describePg("kill -9 of the server during an API import, PostgreSQL", () => {
  suite("postgres", () => pgTarget());
});
