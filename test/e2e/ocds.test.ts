/**
 * OCDS in the dashboard end to end: real Chromium against the real server on a real SQLite
 * database holding the demo. A visitor reads the data quality page (coverage and a failing
 * check with its ocid and reason); a contract manager sees the SSCL contract's notices, opens
 * the UK10 JSON and publishes it; a commercial lead imports a release package on the Open data
 * page, and a bad one is refused with its JSON path.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
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
import { importReleases } from "../../src/store/releases.ts";
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

const MISMATCH = {
  ocid: "ocds-nous01-demo-e2e-quality",
  id: "e2e-quality-award",
  date: "2024-02-01T00:00:00Z",
  tag: ["award", "contract"],
  initiationType: "tender",
  buyer: { id: "nous-demo-mopac", name: "Mayor's Office for Policing and Crime" },
  parties: [{ id: "nous-demo-mopac", name: "Mayor's Office for Policing and Crime", roles: ["buyer"] }],
  awards: [{ id: "a1", status: "active", value: { amount: 100000, currency: "GBP" } }],
  contracts: [{ id: "c1", awardID: "a1", status: "active", value: { amount: 400000, currency: "GBP" } }],
};

describeBrowser("OCDS pages in the browser", () => {
  let dir: string;
  let shots: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), "nous-e2e-ocds-"));
    shots = process.env.NOUS_E2E_SHOTS ?? join(dir, "shots");
    mkdirSync(shots, { recursive: true });
    store = await openMigrated(join(dir, "nous.db"));
    await loadDemo(store);
    await importReleases(store, [MISMATCH], { username: "test", reason: "a contract worth 4x its award" });
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

  async function signIn(page: Page, username: string, password: string, next: string): Promise<void> {
    await page.goto(`${base}/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === next.split("?")[0]);
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    const file = join(shots, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const png = readFileSync(file);
    expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  }

  it("shows a visitor the field coverage and a failing check with its ocid and reason", async () => {
    const page = await visitor();
    await page.goto(`${base}/`);
    await page.getByRole("link", { name: "Data quality" }).click();
    await page.getByRole("heading", { level: 1, name: "Data quality" }).waitFor();
    const coverage = page.getByRole("region", { name: "Field coverage of the compiled releases" });
    await coverage.waitFor();
    const amount = coverage.locator("tr", { hasText: "/awards[]/value/amount" });
    expect(await amount.innerText()).toMatch(/100%/);
    const check = page.locator('[data-check="contract-award-value"]');
    const text = await check.innerText();
    expect(text).toMatch(/1 of \d+ processes fail/);
    expect(text).toContain("What it detects");
    expect(text).toContain("Why it matters to an auditor");
    expect(text).toContain("ocds-nous01-demo-e2e-quality");
    expect(await page.locator('[data-check="period-order"]').innerText()).toMatch(/all \d+ pass/);
    await screenshot(page, "ocds-quality");
  });

  it("shows a contract manager the SSCL notices, the UK10 JSON, and publishes it", async () => {
    const page = await visitor();
    await signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const notices = page.locator("section", {
      has: page.getByRole("heading", { name: "Procurement Act notices" }),
    });
    await notices.locator('[data-notice="UK10"]').waitFor();
    expect(await notices.locator('[data-notice="UK7"]').innerText()).toContain(
      "contract entered into with 3 KPIs",
    );
    expect(await notices.locator('[data-notice="UK11"]').innerText()).toContain(
      "UK11 needs a termination: the contract has not ended",
    );
    expect(await notices.locator('[data-notice="UK1"]').innerText()).toContain("comes before the award");
    await page.getByRole("button", { name: "View UK10 JSON" }).click();
    const json = notices.locator('pre[data-json="UK10"]');
    await json.waitFor();
    const release = JSON.parse(await json.innerText()) as {
      tag: string[];
      contracts: { amendments: unknown[] }[];
    };
    expect(release.tag).toEqual(["contractAmendment"]);
    expect(release.contracts[0]!.amendments).toHaveLength(1);
    await page.getByRole("button", { name: "Publish UK10" }).click();
    expect(await notices.locator('[data-notice="UK10"] [role="status"]').innerText()).toContain(
      "UK10 published: it is now in the open data export.",
    );
    await notices.locator('[data-notice="UK10"]', { hasText: "published" }).waitFor();
    await screenshot(page, "ocds-contract-notices");
    const held = await store.db
      .selectFrom("releases")
      .select("release_id")
      .where("release_id", "=", "ocds-nous01-mopac-sscl-2015-UK10-sscl-bss-extension-2027")
      .execute();
    expect(held).toHaveLength(1);
  });

  it("lets a commercial lead import a release package, and refuses a bad one naming the path", async () => {
    const page = await visitor();
    await signIn(page, "commercial", "demo-commercial-pass", "/open-data");
    await page.getByRole("heading", { level: 1, name: "Open data" }).waitFor();
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    const release = { ...MISMATCH, ocid: "ocds-nous01-demo-e2e-import", id: "e2e-import-1" };
    writeFileSync(
      good,
      JSON.stringify({
        uri: "x",
        publishedDate: "2024-01-01T00:00:00Z",
        version: "1.1",
        releases: [release],
      }),
    );
    writeFileSync(bad, JSON.stringify({ releases: [{ ...release, id: "e2e-import-2", date: "yesterday" }] }));
    await page.getByLabel("File").setInputFiles(bad);
    await page.getByLabel("Reason").fill("council data");
    await page.getByRole("button", { name: "Import" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("$.releases[0].date");
    await page.getByLabel("File").setInputFiles(good);
    await page.getByRole("button", { name: "Import" }).click();
    expect(await page.getByRole("status").innerText()).toContain(
      "1 releases received: 1 added, 0 already held.",
    );
    await screenshot(page, "ocds-open-data");
  });
});
