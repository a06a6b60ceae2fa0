/**
 * Real Chromium for tests, driven by playwright-core (which ships no browser of its own).
 *
 * The executable comes from NOUS_CHROMIUM, else /usr/bin/chromium or /usr/bin/chromium-browser
 * (Debian: `apt-get install chromium`). Every launch gets a fresh, empty profile in a temp
 * directory that is deleted when the browser closes, and runs headless without network chatter.
 *
 *   describeBrowser("dashboard", () => {
 *     it("shows the total", async () => {
 *       const browser = await launchBrowser();
 *       try { const page = await browser.newPage(); ... } finally { await browser.close(); }
 *     });
 *   });
 *
 * When Chromium is missing the suites are skipped, unless NOUS_REQUIRE_BROWSER=1, in which case
 * the run fails in global setup and `describeBrowser` throws.
 */
import { type Browser, chromium } from "playwright-core";
import { describe } from "vitest";
import { CHROMIUM_ARGS, chromiumMissingReason, findChromium } from "./chromium-path.ts";

export { CHROMIUM_ARGS, chromiumMissingReason, findChromium };

/** True when a Chromium executable is installed. */
export function browserAvailable(): boolean {
  return findChromium() !== null;
}

function pickDescribe(): typeof describe {
  if (browserAvailable()) return describe;
  if (process.env.NOUS_REQUIRE_BROWSER === "1") {
    throw new Error(`NOUS_REQUIRE_BROWSER=1 but ${chromiumMissingReason()}`);
  }
  return describe.skip as typeof describe;
}

/** `describe` when Chromium is available, `describe.skip` otherwise. */
export const describeBrowser: typeof describe = pickDescribe();

/**
 * Launches headless Chromium. Playwright gives each launch a fresh profile (user-data-dir) in a
 * new temp directory and deletes it on `browser.close()`; always close the browser in `finally`.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`launchBrowser: ${chromiumMissingReason()}`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 60_000,
  });
}
