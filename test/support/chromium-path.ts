/**
 * Where the Chromium executable is, and which flags every test launch uses. Kept apart from
 * browser.ts so the global setup can check for Chromium without loading the test helpers.
 */
import { accessSync, constants } from "node:fs";

export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const DEFAULT_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of the Chromium executable, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.NOUS_CHROMIUM) return isExecutable(env.NOUS_CHROMIUM) ? env.NOUS_CHROMIUM : null;
  return DEFAULT_PATHS.find(isExecutable) ?? null;
}

/** Why Chromium cannot be used, for error messages. */
export function chromiumMissingReason(env: NodeJS.ProcessEnv = process.env): string {
  return env.NOUS_CHROMIUM
    ? `NOUS_CHROMIUM=${env.NOUS_CHROMIUM} is not an executable file`
    : `no Chromium at ${DEFAULT_PATHS.join(" or ")} (install it with 'apt-get install chromium' or set NOUS_CHROMIUM)`;
}
