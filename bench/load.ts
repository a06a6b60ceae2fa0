/**
 * Load on the real server: `nous serve --demo` started as its own process on 127.0.0.1, on SQLite
 * and then on PostgreSQL (a private cluster, or NOUS_BENCH_PG_URL), driven with autocannon:
 * register reads, a release package, an appraisal result, the red-flags view and sign-ins, and
 * `/api/health` while 20 clients ask for appraisal results. A bare Fastify route in its own
 * process, measured in the same run, is the baseline each figure is compared with. Prints one
 * table; exits non-zero when any request failed, timed out or answered other than 2xx.
 *
 *   npm run bench:load            (NOUS_BENCH_SECONDS=5 per scenario; NOUS_BENCH_PG_URL=postgres://...)
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { type PgServer, findPgBinDir, freePort, startPgServer } from "../test/support/pg-server.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.NOUS_BENCH_SECONDS ?? 5);
/** Only the scenarios whose name matches (a regular expression), for looking at one closely. */
const ONLY = new RegExp(process.env.NOUS_BENCH_ONLY ?? "");
const READ_CONNECTIONS = 100;
/** A demo account and its published password (README); correct, so the sign-in limiter never counts it. */
const SIGN_IN = { username: "commercial", password: "demo-commercial-pass" };
/**
 * Sign-ins in flight at once for that one account. Each attempt counts as a failure until its
 * password proves right (src/store/sign-in-throttle.ts), and the sixth failure in a row makes the
 * next attempt wait: more than 5 at the same moment for one name would be throttled by design.
 */
const SIGN_IN_CONNECTIONS = 4;
const APPRAISAL = "/api/decide/appraisals/sscl-bss-appraisal/result";

interface Row {
  scenario: string;
  store: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}
const rows: Row[] = [];
/** What went wrong, by scenario: error and status counts. */
const notes: string[] = [];

// ---- processes ----

interface Proc {
  base: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts a process that serves HTTP on `port`; resolves once `probe` answers 200. */
async function startProcess(args: string[], port: number, probe: string, what: string): Promise<Proc> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => {
    stderr = (stderr + b.toString("utf8")).slice(-4000);
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${stderr.trim()}`);
    try {
      const res = await fetch(base + probe);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${what} did not answer ${probe} within 120 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop: () => stopChild(child) };
}

async function startNous(db: string): Promise<Proc> {
  const port = await freePort();
  return startProcess(
    ["bin/nous.js", "serve", "--demo", "--host", "127.0.0.1", "--port", String(port), "--db", db],
    port,
    "/api/ready",
    `nous serve --db ${db.replace(/\/\/[^@]*@/, "//")}`,
  );
}

async function startBare(): Promise<Proc> {
  const port = await freePort();
  return startProcess(
    ["--import", "tsx", "bench/bare-server.ts", String(port)],
    port,
    "/bare",
    "the bare Fastify server",
  );
}

// ---- PostgreSQL ----

interface PgTarget {
  url: string;
  close(): Promise<void>;
}

/** A fresh database on NOUS_BENCH_PG_URL's server or on a private cluster; null (and why) when neither works. */
async function postgres(): Promise<PgTarget | string> {
  let server: PgServer | undefined;
  let admin = process.env.NOUS_BENCH_PG_URL ?? "";
  if (!admin) {
    const bin = findPgBinDir();
    if (!bin)
      return "PostgreSQL is not installed (no initdb/pg_ctl found; set NOUS_PG_BIN or NOUS_BENCH_PG_URL)";
    try {
      server = await startPgServer(bin);
    } catch (err) {
      return `PostgreSQL could not start: ${(err as Error).message.split("\n")[0]}`;
    }
    admin = server.url;
  }
  const name = `nous_bench_${randomBytes(5).toString("hex")}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  try {
    await run(`CREATE DATABASE ${name}`);
  } catch (err) {
    server?.stop();
    return `could not create a database on ${admin.replace(/\/\/[^@]*@/, "//")}: ${(err as Error).message}`;
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async close() {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      server?.stop();
    },
  };
}

// ---- measuring ----

function row(scenario: string, store: string, connections: number, r: autocannon.Result): Row {
  const out = {
    scenario,
    store,
    connections,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    bad: r.errors + r.timeouts + r.non2xx,
  };
  rows.push(out);
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, s]) => `${s.count} × ${code}`);
  const bad = [
    ...(r.errors ? [`${r.errors} errors`] : []),
    ...(r.timeouts ? [`${r.timeouts} timeouts`] : []),
    ...statuses,
  ];
  if (bad.length) notes.push(`${store} ${scenario}: ${bad.join(", ")}`);
  process.stderr.write(
    `  ${store} ${scenario}: ${Math.round(out.rps)} req/s, p99 ${out.p99} ms${bad.length ? `, ${bad.join(", ")}` : ""}\n`,
  );
  return out;
}

async function load(
  base: string,
  path: string,
  connections: number,
  extra: Partial<autocannon.Options> = {},
) {
  return autocannon({ url: base + path, connections, duration: SECONDS, timeout: 10, ...extra });
}

async function scenarios(base: string, store: string): Promise<void> {
  const reads: [string, string][] = [
    ["GET /api/contracts", "/api/contracts"],
    ["GET /api/services", "/api/services"],
    ["GET /api/ocds/releases", "/api/ocds/releases"],
    ["GET appraisal result", APPRAISAL],
    ["GET /api/flags", "/api/flags"],
  ];
  // Once each first: a derived result is computed on its first request and served from the cache after.
  for (const [, path] of reads) {
    const res = await fetch(base + path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${store}: GET ${path} answered ${res.status} before the load`);
  }
  for (const [name, path] of reads)
    if (ONLY.test(name)) row(name, store, READ_CONNECTIONS, await load(base, path, READ_CONNECTIONS));
  if (ONLY.test("POST /api/auth/login"))
    row(
      "POST /api/auth/login",
      store,
      SIGN_IN_CONNECTIONS,
      await load(base, "/api/auth/login", SIGN_IN_CONNECTIONS, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(SIGN_IN),
      }),
    );
  if (!ONLY.test("GET /api/health")) return;
  const [health, appraisals] = await Promise.all([load(base, "/api/health", 5), load(base, APPRAISAL, 20)]);
  row("GET /api/health, 20 clients on appraisal results", store, 5, health);
  row("  (those appraisal results)", store, 20, appraisals);
}

// ---- the run ----

function table(bare: number): string {
  const lines = [
    "| scenario | store | connections | requests/s | p50 ms | p99 ms | errors+timeouts+non-2xx | vs bare |",
    "|---|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows)
    lines.push(
      `| ${r.scenario} | ${r.store} | ${r.connections} | ${Math.round(r.rps).toLocaleString("en-GB")} | ${r.p50} | ${r.p99} | ${r.bad} | ${bare > 0 ? (r.rps / bare).toFixed(2) : "-"} |`,
    );
  return lines.join("\n");
}

async function main(): Promise<number> {
  const started = Date.now();
  process.stderr.write(`bench:load: ${SECONDS} s per scenario, ${READ_CONNECTIONS} connections for reads\n`);
  const bareProc = await startBare();
  let bare = 0;
  try {
    bare = row(
      "GET /bare (Fastify, one route)",
      "none",
      READ_CONNECTIONS,
      await load(bareProc.base, "/bare", READ_CONNECTIONS),
    ).rps;
  } finally {
    await bareProc.stop();
  }

  const dir = mkdtempSync(join(tmpdir(), "nous-bench-load-"));
  try {
    const sqlite = await startNous(join(dir, "nous.db"));
    try {
      await scenarios(sqlite.base, "sqlite");
    } finally {
      await sqlite.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  let pgNote = "";
  const target = await postgres();
  if (typeof target === "string") {
    pgNote = `PostgreSQL skipped: ${target}`;
    process.stderr.write(`${pgNote}\n`);
  } else {
    try {
      const server = await startNous(target.url);
      try {
        await scenarios(server.base, "postgres");
      } finally {
        await server.stop();
      }
    } finally {
      await target.close();
    }
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(
    `\nnous load bench: ${availableParallelism()} CPUs (${cpu}), Node ${process.version}, ${SECONDS} s per scenario, server and load generator on one machine\n`,
  );
  console.log(table(bare));
  if (pgNote) console.log(`\n${pgNote}`);
  for (const n of notes) console.log(`not 2xx: ${n}`);
  const bad = rows.filter((r) => r.bad > 0);
  console.log(
    `\n${rows.length} scenarios in ${Math.round((Date.now() - started) / 1000)} s; ${bad.length} with errors`,
  );
  return bad.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`bench:load: ${err.message}`);
    process.exit(2);
  },
);
