/**
 * Vitest global setup: builds the CLI and starts the shared test services once per run.
 *
 * - The build: dist/ is rebuilt from src/ (see build.ts), so suites that spawn `bin/nous.js` run
 *   the code under test.
 * - PostgreSQL: one throwaway cluster (see pg-server.ts); its admin URL is provided to tests as
 *   `nousPgUrl` (see pg.ts). Stopped and deleted in teardown, and on process exit if the run is
 *   interrupted.
 * - Chromium: only checked for here; each test launches its own (see browser.ts).
 *
 * NOUS_REQUIRE_PG=1 / NOUS_REQUIRE_BROWSER=1 (set by CI) turn a missing service into a failed run
 * instead of skipped suites. The `nousPgUrl`/`nousPgReason` keys are declared in pg.ts.
 */
import type { TestProject } from "vitest/node";
import { buildDist } from "./build.ts";
import { chromiumMissingReason, findChromium } from "./chromium-path.ts";
import { findPgBinDir, type PgServer, startPgServer } from "./pg-server.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildDist();

  const requirePg = process.env.NOUS_REQUIRE_PG === "1";
  const requireBrowser = process.env.NOUS_REQUIRE_BROWSER === "1";

  if (!findChromium()) {
    if (requireBrowser) throw new Error(`NOUS_REQUIRE_BROWSER=1 but ${chromiumMissingReason()}`);
    console.warn(`nous tests: ${chromiumMissingReason()}; browser suites will be skipped`);
  }

  let server: PgServer | null = null;
  let reason = "";
  const binDir = findPgBinDir();
  if (!binDir) {
    reason =
      "PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in NOUS_PG_BIN, PATH or /usr/lib/postgresql/*/bin (install with 'apt-get install postgresql')";
    if (requirePg) throw new Error(`NOUS_REQUIRE_PG=1 but ${reason}`);
  } else {
    try {
      server = await startPgServer(binDir);
    } catch (error) {
      if (requirePg) throw error;
      reason = error instanceof Error ? error.message : String(error);
    }
  }
  if (!server) console.warn(`nous tests: ${reason}; PostgreSQL suites will be skipped`);

  // Interrupted runs (Ctrl-C, CI timeout) still remove the cluster.
  const onExit = (): void => server?.stop();
  const onSignal = (signal: NodeJS.Signals): void => {
    server?.stop();
    server = null;
    process.kill(process.pid, signal);
  };
  process.once("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  project.provide("nousPgUrl", server?.url ?? "");
  project.provide("nousPgReason", reason);

  return async () => {
    process.removeListener("exit", onExit);
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
    const troubles = server?.troubles() ?? [];
    if (troubles.length > 0)
      console.warn(`nous tests: the PostgreSQL server reported trouble:\n  ${troubles.slice(0, 20).join("\n  ")}`);
    server?.stop();
    server = null;
  };
}
