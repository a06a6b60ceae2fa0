/**
 * Builds dist/ (`tsc -p tsconfig.build.json`, incremental) before the tests run, so every test that
 * spawns `bin/nous.js` runs the code under test, never a stale build. An unchanged tree rebuilds in
 * a few seconds. A type error still emits the JavaScript (tsc exit 2): the run goes on with a
 * warning naming the errors, since `npm run typecheck` is the type gate; a build that emitted
 * nothing (tsc exit 1, e.g. a broken tsconfig) fails the run.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Held while building, so two test runs in one tree do not write dist/ at the same time. */
const LOCK = join(ROOT, "dist", ".build-lock");
const STALE_LOCK_MS = 5 * 60_000;

export function buildDist(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  lock();
  try {
    const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--incremental"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const output = `${r.stdout ?? ""}${r.stderr ?? ""}`.trim();
    if (r.status === 2) {
      console.warn(`nous tests: dist/ built, with type errors (see npm run typecheck):\n${output}`);
    } else if (r.status !== 0) {
      throw new Error(
        `nous tests: the build (tsc -p tsconfig.build.json) failed, so the CLI cannot be tested:\n${output || String(r.error ?? `exit ${r.status}`)}`,
      );
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function lock(): void {
  mkdirSync(join(ROOT, "dist"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Removed by its holder meanwhile: try again.
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}
