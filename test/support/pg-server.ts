/**
 * Starts and stops a throwaway PostgreSQL cluster for one test run.
 *
 * Used only by the vitest global setup (main process). The cluster lives in a private temp
 * directory, listens on 127.0.0.1 at a free port, keeps its unix socket in that directory and
 * trusts every local connection. Durability is switched off because the data is thrown away.
 * initdb refuses to run as root, so as root every server command runs as the `postgres` user.
 */
import { spawnSync } from "node:child_process";
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/** Directory holding initdb, pg_ctl and postgres, or null when PostgreSQL is not installed. */
export function findPgBinDir(
  env: NodeJS.ProcessEnv = process.env,
  versionRoots: readonly string[] = ["/usr/lib/postgresql", "/usr/local/lib/postgresql"],
  fallbacks: readonly string[] = ["/usr/local/pgsql/bin", "/opt/homebrew/bin", "/usr/local/bin"],
): string | null {
  const candidates: string[] = [];
  if (env.NOUS_PG_BIN) candidates.push(env.NOUS_PG_BIN);
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir && isExecutable(join(dir, "pg_ctl"))) candidates.push(dir);
  }
  // Debian/Ubuntu keep the server binaries out of PATH, one directory per major version.
  for (const root of versionRoots) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(root, v, "bin"));
  }
  candidates.push(...fallbacks);
  for (const dir of candidates) {
    if (["initdb", "pg_ctl", "postgres"].every((b) => isExecutable(join(dir, b)))) return dir;
  }
  return null;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A free TCP port on 127.0.0.1, found by binding port 0 and releasing it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("could not find a free port"))));
    });
  });
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export interface PgServer {
  /** Admin URL: postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  port: number;
  /** Private directory holding the data directory, log and unix socket. */
  dir: string;
  /**
   * Lines of the server log that tell of trouble a test would not see directly: a backend that
   * crashed or was killed (which makes the server drop every connection), running out of memory,
   * a PANIC. Read before `stop()`, which deletes the log.
   */
  troubles(): string[];
  /** Stops the server and keeps its data (a fault test's outage); `resume()` starts it again. */
  halt(): void;
  /** Starts a halted server again on the same port and data. */
  resume(): void;
  stop(): void;
}

const TROUBLE = /PANIC|terminated by signal|out of memory|was terminated|all server processes terminated|database system is in recovery mode/;

/** The lines of a PostgreSQL server log that report a crash, a kill or lack of memory. */
export function troubleLines(log: string): string[] {
  return log.split("\n").filter((line) => TROUBLE.test(line));
}

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

function postgresUser(): RunAs | null {
  const uid = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return null;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()), name: "postgres" };
}

/**
 * Runs one command, as the postgres user when we are root. Returns combined output; throws with
 * that output when the command fails.
 */
function run(runAs: RunAs | null, argv: string[], what: string): string {
  const [cmd, ...args] = argv as [string, ...string[]];
  const result = runAs
    ? spawnSync("su", [runAs.name, "-s", "/bin/sh", "-c", argv.map(shellQuote).join(" ")], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      })
    : spawnSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim();
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit code ${result.status}`;
    throw new Error(`PostgreSQL for tests: ${what} failed (${reason})${output ? `:\n${output}` : ""}`);
  }
  return output;
}

/**
 * initdb + pg_ctl start in a new directory under `parent`. Cleans up after itself if any step
 * fails.
 */
export async function startPgServer(binDir: string, parent: string = tmpdir()): Promise<PgServer> {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const runAs = isRoot ? postgresUser() : null;
  if (isRoot && !runAs) {
    throw new Error(
      "PostgreSQL for tests: running as root, but initdb refuses root and there is no 'postgres' user to run it as",
    );
  }
  const dir = mkdtempSync(join(parent, "nous-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  let started = false;
  const stop = (): void => {
    if (started) {
      started = false;
      try {
        run(
          runAs,
          [join(binDir, "pg_ctl"), "-D", data, "-m", "fast", "-w", "-t", "30", "stop"],
          "pg_ctl stop",
        );
      } catch {
        try {
          run(runAs, [join(binDir, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"], "pg_ctl stop");
        } catch {
          // Nothing more to do: the directory is removed below and the server dies without it.
        }
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run(
      runAs,
      [
        join(binDir, "initdb"),
        "-D",
        data,
        "--auth=trust",
        "-U",
        "postgres",
        "--encoding=UTF8",
        "--locale=C",
        "--no-sync",
      ],
      "initdb",
    );
    const port = await freePort();
    const options = [
      "-c listen_addresses=127.0.0.1",
      `-p ${port}`,
      `-k ${dir}`,
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    started = true;
    run(
      runAs,
      [join(binDir, "pg_ctl"), "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"],
      "pg_ctl start",
    );
    const troubles = (): string[] => (existsSync(log) ? troubleLines(readFileSync(log, "utf8")) : []);
    const halt = (): void => {
      run(runAs, [join(binDir, "pg_ctl"), "-D", data, "-m", "fast", "-w", "-t", "30", "stop"], "pg_ctl stop");
    };
    const resume = (): void => {
      run(
        runAs,
        [join(binDir, "pg_ctl"), "-D", data, "-l", log, "-o", options, "-w", "-t", "60", "start"],
        "pg_ctl start",
      );
    };
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, troubles, halt, resume, stop };
  } catch (error) {
    const serverLog = existsSync(log)
      ? readFileSync(log, "utf8").trim().split("\n").slice(-20).join("\n")
      : "";
    stop();
    if (serverLog && error instanceof Error) error.message += `\nserver log (last lines):\n${serverLog}`;
    throw error;
  }
}
