/**
 * Runs before each test file (vitest `setupFiles`). Test files share their worker process and its
 * loaded modules (`isolate: false` in vitest.config.ts: re-importing the server, the store and the
 * engines for each of some 270 files took more than a third of the run), so what one file changes
 * in the process must not reach the next: after each file its environment variables, exit code
 * and working directory are put back as they were, and its spies and mocks restored.
 */
import { afterAll, vi } from "vitest";

const env = { ...process.env };
const cwd = process.cwd();

afterAll(() => {
  for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (process.env[key] !== value) process.env[key] = value;
  process.exitCode = undefined;
  if (process.cwd() !== cwd) process.chdir(cwd);
  vi.restoreAllMocks();
  vi.useRealTimers();
});
