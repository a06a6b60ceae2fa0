import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    // What one file leaves in the shared worker (environment, exit code, mocks) is undone here.
    setupFiles: ["test/support/per-file.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Files share their worker's modules instead of importing everything afresh: on a 2-core
    // machine the whole suite took about 1,300 s isolated on one worker and about 680 s like this
    // on two. Files start their own servers, databases and browsers, so sharing modules is safe;
    // per-file.ts puts back the process state a file may change.
    isolate: false,
    // At least two workers: much of each test waits on a child process, a browser or a database,
    // so two keep a 2-core machine busy (vitest would otherwise start one there).
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
