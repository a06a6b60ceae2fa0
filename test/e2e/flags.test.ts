/**
 * The red-flags pages end to end: real Chromium against the real server on a real SQLite database
 * holding the demo releases. A visitor runs the indicators for MOPAC from the dashboard and sees a
 * planted flag with its threshold and explanation, under the "never a verdict" notice.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/store/demo.ts";
import { describeBrowser, launchBrowser } from "../support/browser.ts";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const webDir = join(repo, "web");
const webRoot = join(webDir, "dist");

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds web/dist when it is missing or older than the dashboard's sources. */
async function ensureWebBuild(): Promise<void> {
  const index = join(webRoot, "index.html");
  if (existsSync(index)) {
    const sources = Math.max(
      newestMtime(join(webDir, "src")),
      newestMtime(join(webDir, "index.html")),
      newestMtime(join(webDir, "vite.config.ts")),
    );
    if (statSync(index).mtimeMs >= sources) return;
  }
  const { build } = await import("vite");
  await build({ configFile: join(webDir, "vite.config.ts"), logLevel: "warn" });
}

describeBrowser("red flags in the browser", () => {
  let dir: string;
  let shots: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), "nous-e2e-flags-"));
    shots = process.env.NOUS_E2E_SHOTS ?? join(dir, "shots");
    mkdirSync(shots, { recursive: true });
    store = await openMigrated(join(dir, "nous.db"));
    await loadDemo(store);
    app = await buildServer({ store, webRoot });
    await app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await app?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function visitor(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    const file = join(shots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const png = readFileSync(file);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  }

  it("runs the indicators for MOPAC from the dashboard and explains a planted flag", async () => {
    const page = await visitor();
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    await page.getByRole("link", { name: "Red flags" }).click();
    await page.getByRole("heading", { level: 1, name: "Red flags" }).waitFor();
    expect(await page.getByRole("note", { name: "About red flags" }).innerText()).toContain(
      "A flag is a lead for a closer look, never a verdict",
    );

    const select = page.getByLabel("Buyer");
    await select
      .locator("option", { hasText: "Mayor's Office for Policing and Crime" })
      .waitFor({ state: "attached" });
    await select.selectOption("Mayor's Office for Policing and Crime");
    await page.getByRole("button", { name: "Run the indicators" }).click();
    await page
      .getByRole("heading", { level: 2, name: /Results for Mayor's Office for Policing and Crime/ })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("buyer")).toBe("Mayor's Office for Policing and Crime");
    expect(await page.locator(".flags-counts").innerText()).toMatch(/55\s+processes compiled/);

    const processes = page.getByRole("region", { name: "Flagged processes" });
    // Process 8: a 12-day submission period against the default 15 days.
    const row = processes.locator("tr", { hasText: "ocds-nous01-demo-mopac-008" });
    expect(await row.innerText()).toContain("Short submission period");
    await row.locator("summary").first().click();
    const flag = row.locator("details.flags-flag[open]");
    const text = await flag.innerText();
    expect(text).toMatch(/below\s+15: the indicator's default/);
    expect(text).toContain("days: 12");
    expect(text).toContain("Why it is a risk");
    expect(text).toContain("Definition");

    // A heavily discounted bid: the threshold is a fence computed from the quartiles.
    const r058 = processes.locator("tr", { hasText: "ocds-nous01-demo-mopac-024" });
    await r058.locator("summary").first().click();
    expect(await r058.locator("details[open]").innerText()).toMatch(/computed from the quartiles.*q1/s);

    const tenderers = page.getByRole("region", { name: "Flagged tenderers" });
    expect(await tenderers.innerText()).toContain("Rapid Response Consulting Ltd (fictional)");
    expect(await page.getByRole("region", { name: "Flagged buyers" }).innerText()).toContain(
      "Large total of direct awards",
    );
    await screenshot(page, "flags-mopac");

    await r058.getByRole("link", { name: /How R058 is calculated/ }).click();
    await page.getByRole("heading", { level: 1, name: /^R058/ }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Why it is a risk");
    await screenshot(page, "flags-indicator-r058");
  });

  it("shows the settings error naming the unknown key", async () => {
    const page = await visitor();
    await page.goto(`${base}/flags`);
    await page.getByRole("heading", { level: 1, name: "Red flags" }).waitFor();
    await page.getByText("Use a settings file").click();
    await page.getByLabel(/Settings:/).fill("[R018]\nthresold = 2\n");
    await page.getByRole("button", { name: "Run the indicators" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain('unknown property "thresold" in section [R018]');
  });
});
