/**
 * The cluster starter's building blocks: finding the binaries, a free port, and failing clearly
 * (and without leaving a temp directory behind) when the binaries do not work.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPgBinDir, freePort, startPgServer, troubleLines } from "../support/pg-server.ts";

const scratch = mkdtempSync(join(tmpdir(), "nous-infra-"));
chmodSync(scratch, 0o755); // as root the programs run as the postgres user, who must reach them
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A directory holding initdb, pg_ctl and postgres, all running `script`. */
function binDir(name: string, script: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { mode: 0o755 });
  for (const bin of ["initdb", "pg_ctl", "postgres"]) {
    writeFileSync(join(dir, bin), script);
    chmodSync(join(dir, bin), 0o755);
  }
  return dir;
}

describe("findPgBinDir", () => {
  it("prefers NOUS_PG_BIN, then a PATH directory holding initdb, pg_ctl and postgres", () => {
    const viaEnv = binDir("env-bin", "#!/bin/sh\nexit 0\n");
    const viaPath = binDir("path-bin", "#!/bin/sh\nexit 0\n");
    expect(findPgBinDir({ NOUS_PG_BIN: viaEnv, PATH: viaPath })).toBe(viaEnv);
    expect(findPgBinDir({ PATH: `/nonexistent:${viaPath}` })).toBe(viaPath);
  });

  it("takes the newest version under a Debian-style /usr/lib/postgresql/<version>/bin root", () => {
    const root = join(scratch, "lib-postgresql");
    mkdirSync(root);
    for (const v of ["9.6", "15", "13"]) {
      mkdirSync(join(root, v));
      renameSync(binDir(`v${v}`, "#!/bin/sh\nexit 0\n"), join(root, v, "bin"));
    }
    expect(findPgBinDir({ PATH: "" }, [root], [])).toBe(join(root, "15", "bin"));
  });

  it("returns null when no PostgreSQL is installed anywhere it looks", () => {
    expect(findPgBinDir({ PATH: "" }, [join(scratch, "nowhere")], [])).toBeNull();
  });

  it("ignores a directory that lacks one of the three programs", () => {
    const partial = binDir("partial-bin", "#!/bin/sh\nexit 0\n");
    rmSync(join(partial, "postgres"));
    expect(findPgBinDir({ NOUS_PG_BIN: partial, PATH: partial })).not.toBe(partial);
  });
});

describe("freePort", () => {
  it("returns a port that can be bound on 127.0.0.1", async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe("startPgServer", () => {
  it("names the step that failed with its output, and removes its temp directory", async () => {
    const broken = binDir("broken-bin", "#!/bin/sh\necho 'cannot create data directory' >&2\nexit 3\n");
    const parent = join(scratch, "clusters");
    mkdirSync(parent, { mode: 0o755 });
    await expect(startPgServer(broken, parent)).rejects.toThrow(
      "PostgreSQL for tests: initdb failed (exit code 3):\ncannot create data directory",
    );
    expect(readdirSync(parent)).toEqual([]);
  });
});

describe("troubleLines", () => {
  it("picks out a killed backend and the restart it forces, not the sessions tests end themselves", () => {
    const log = [
      "2026-11-25 00:10:01.000 UTC [101] LOG:  database system is ready to accept connections",
      "2026-11-25 00:10:40.000 UTC [230] FATAL:  terminating connection due to administrator command",
      "2026-11-25 00:11:02.000 UTC [101] LOG:  server process (PID 512) was terminated by signal 9: Killed",
      "2026-11-25 00:11:02.000 UTC [101] LOG:  terminating any other active server processes",
      "2026-11-25 00:11:02.100 UTC [101] LOG:  all server processes terminated; reinitializing",
      "2026-11-25 00:11:03.000 UTC [600] ERROR:  out of memory",
    ].join("\n");
    expect(troubleLines(log).map((l) => l.slice(28))).toEqual([
      "[101] LOG:  server process (PID 512) was terminated by signal 9: Killed",
      "[101] LOG:  all server processes terminated; reinitializing",
      "[600] ERROR:  out of memory",
    ]);
  });
});
