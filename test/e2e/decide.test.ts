/**
 * The Decide page in a real browser against the real server on the demo data: a visitor opens
 * the SSCL deal from the Appraisals list and reads the options with their NPV, the probability
 * of meeting the savings target, how many administrations the contract binds, the workforce
 * figures with the zero-hours declaration, and the gate history with its flags.
 *
 * The dashboard is built into a private folder so this file never races another browser test
 * over web/dist. Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
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

describeBrowser("Decide page in the browser", () => {
  let dir: string;
  let shots: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "nous-e2e-decide-"));
    const webRoot = join(dir, "web");
    const { build } = await import("vite");
    await build({
      configFile: join(webDir, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: webRoot, emptyOutDir: true },
    });
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

  it("opens the SSCL deal from the Appraisals list and shows what a committee needs", async () => {
    const page = await visitor();
    const res = await page.goto(`${base}/appraisals`);
    expect(res?.status()).toBe(200);
    await page.getByRole("heading", { level: 1, name: "Appraisals" }).waitFor();
    await page.getByRole("link", { name: /keep, reform or move to the joint venture/ }).click();
    await page.getByRole("heading", { level: 1, name: /Appraisal: Business support services/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/appraisals/sscl-bss");

    const options = await page.getByRole("table", { name: /Options: present values/ }).innerText();
    expect(options).toContain("Keep in-house");
    expect(options).toContain("Reform in-house");
    expect(options).toContain("Outsource to Shared Services Connected Ltd (preferred)");
    expect(options).toContain("-£243,451,429");
    expect(options).toContain("NPV");

    const probability = await page.getByTestId("probability").innerText();
    expect(probability).toMatch(/meets the savings target: \d+(\.\d)?%/);
    const mc = await page.getByRole("table", { name: /Monte Carlo/ }).innerText();
    expect(mc).toContain("Savings P10");
    expect(mc).toContain("Savings P90");

    const horizon = await page.getByTestId("horizon-summary").innerText();
    expect(horizon).toContain("binds 3 later administrations");
    await page.getByTestId("horizon-chart").locator("canvas").waitFor();
    expect(await page.getByTestId("horizon-chart").locator("canvas").count()).toBe(1);

    const workforce = await page.locator("dl[aria-label='Workforce impact']").innerText();
    expect(workforce).toContain("445");
    expect(workforce).toContain("Newport 250");
    expect(await page.getByTestId("zero-hours").innerText()).toContain("not declared");

    const gates = page.getByTestId("gate-history");
    const gatesText = await gates.innerText();
    expect(gatesText).toMatch(/award/i);
    expect(gatesText).toMatch(/full business case and contract/i);
    expect(await gates.locator("[data-gate-event='g-bss-procurement-start']").innerText()).toContain(
      "not the logical order",
    );
    expect(await gates.locator("[data-gate-event='g-bss-award']").innerText()).toContain("budget-driven");
    expect(await gates.locator("[data-gate-event='g-bss-contract']").innerText()).not.toContain(
      "not the logical order",
    );

    expect(await page.getByTestId("dma-recommended").innerText()).toBeTruthy();
    expect(await page.locator("main").innerText()).toContain(
      "Return in house: Shared Services Connected Ltd",
    );
    expect(await page.locator("main").innerText()).toContain("Contract development");
    expect(await page.locator("main .demo-badge").count()).toBeGreaterThan(3);
    await screenshot(page, "decide-sscl");
  });
});
