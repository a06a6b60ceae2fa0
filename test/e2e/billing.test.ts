/**
 * Billing assurance in the browser: real Chromium against the real server on a real SQLite
 * database holding the demo scenario. The demo contract's queue shows exceptions, an exception's
 * page shows the rule and its evidence, a contract manager disputes one through the form, a
 * scrutineer reads without action buttons, and the public is kept out.
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
import { listAudit } from "../../src/store/audit.ts";
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

describeBrowser("billing assurance in the browser", () => {
  let dir: string;
  let shots: string;
  let store: Store;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), "nous-e2e-billing-"));
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

  const queueRows = (page: Page) =>
    page
      .locator("section.table-wrap", {
        has: page.locator("caption", { hasText: "Exceptions, largest first" }),
      })
      .locator("tbody tr");

  it("keeps the public out of billing data", async () => {
    const page = await visitor();
    await page.goto(`${base}/billing`);
    await page.getByRole("heading", { level: 2, name: "Staff only" }).waitFor();
    expect(await page.locator("nav[aria-label='Main']").innerText()).not.toContain("Billing");
    await page.goto(`${base}/contracts/em-tagging`);
    await page.getByRole("heading", { level: 1, name: /Electronic monitoring/ }).waitFor();
    expect(await page.getByRole("heading", { name: "Billing assurance" }).count()).toBe(0);
  });

  it("shows the demo contract's queue, the evidence, and lets a contract manager dispute an exception", async () => {
    const page = await visitor();
    await signIn(page, "contracts", "demo-contracts-pass", "/billing");
    await page.getByRole("heading", { level: 1, name: "Billing assurance" }).waitFor();
    await queueRows(page).first().waitFor();
    expect(await queueRows(page).count()).toBe(25);
    const status = await page.getByText(/^\d+ exceptions, £[\d,.]+ at risk\.$/).innerText();
    expect(Number(status.split(" ")[0])).toBeGreaterThan(50);
    expect(await page.locator("main").innerText()).toContain("Tagwatch Monitoring Ltd (fictional)");
    const totals = page.locator("section", {
      has: page.getByRole("heading", { name: "Totals", exact: true, level: 2 }),
    });
    expect(await totals.innerText()).toMatch(/Recovered \(credit notes\)\s*£[\d,]+\.\d\d/);
    await screenshot(page, "billing-queue");

    // Filter to one rule and one state: every row is that rule.
    await page.getByLabel("Rule", { exact: true }).selectOption("B05");
    await page.getByLabel("State", { exact: true }).selectOption("open");
    await page.waitForURL((u) => u.search.includes("rule=B05") && u.search.includes("state=open"));
    await page.waitForFunction(() =>
      [...document.querySelectorAll("tbody tr")].some((r) =>
        r.textContent?.includes("B05 Subject in custody"),
      ),
    );
    const texts = await queueRows(page).allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).toContain("B05 Subject in custody");
      expect(t).toContain("open");
    }

    // Evidence.
    await queueRows(page).first().getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /B05 Subject in custody/ }).waitFor();
    const evidence = page.locator("section", {
      has: page.getByRole("heading", { name: "Evidence", level: 2 }),
    });
    const ev = await evidence.innerText();
    expect(ev).toContain("Custody");
    expect(ev).toMatch(/Days the rule fires\s*\d+ \w{3} \d{4} to \d+ \w{3} \d{4}/);
    expect(ev).toContain("tag fitted");
    expect(await page.locator(".billing-chart__row").count()).toBeGreaterThanOrEqual(3);
    const id = decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1)!);

    // Dispute through the form.
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Dispute" }) });
    await form.getByRole("button", { name: "Dispute with the supplier" }).click();
    expect(await form.getByRole("alert").innerText()).toContain("Give a reason");
    await form.getByLabel("Reason").fill("Prison register shows the subject in custody on these days");
    await form.getByRole("button", { name: "Dispute with the supplier" }).click();
    const history = page.locator("section", { has: page.getByRole("heading", { name: "History" }) });
    await history.getByText("Prison register shows the subject in custody on these days").waitFor();
    expect(await history.innerText()).toMatch(/contracts\s+open\s*→\s*disputed/);
    expect(await page.getByRole("button", { name: "Dispute with the supplier" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Record the money recovered" }).count()).toBe(1);
    await screenshot(page, "billing-exception-disputed");

    const audit = await listAudit(store, { entity: "billing-exception", entityId: id });
    expect(audit[0]).toMatchObject({
      actor: "contracts",
      action: "dispute",
      reason: "Prison register shows the subject in custody on these days",
    });
  });

  it("shows a scrutineer the evidence and the contract's totals but no workflow buttons", async () => {
    const page = await visitor();
    await signIn(page, "scrutineer", "demo-scrutineer-pass", "/billing");
    await queueRows(page).first().waitFor();
    await queueRows(page).first().getByRole("link").click();
    await page.getByRole("heading", { name: "Evidence", level: 2 }).waitFor();
    expect(await page.getByRole("heading", { name: "Act on this exception" }).count()).toBe(0);
    expect(await page.locator("main button").count()).toBe(0);

    await page.goto(`${base}/contracts/em-tagging`);
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: "Billing assurance" }),
    });
    await section.locator("tbody tr").first().waitFor();
    const text = await section.innerText();
    expect(text).toMatch(/At risk\s*£[\d,]+\.\d\d/);
    expect(text).toContain("B08 Day billed twice");
    await screenshot(page, "billing-contract-totals");
  });

  it("uploads a contract's files through the form, and shows a bad row's place without storing it", async () => {
    const page = await visitor();
    await signIn(page, "commercial", "demo-commercial-pass", "/billing");
    await queueRows(page).first().waitFor();
    await page.getByLabel("Contract", { exact: true }).selectOption("sscl-bss");
    await page.waitForURL((u) => u.search.includes("contract=sscl-bss"));
    await page.getByText("No invoices reconciled for this contract yet.").waitFor();
    await page.getByText("Upload invoices and registers").click();
    const fixture = join(repo, "test", "fixtures", "billing", "small");
    const names = readdirSync(fixture).filter((f) => f.endsWith(".csv") && !f.startsWith("expected"));

    // A bad row: the API's message names the file, line and column; nothing is stored.
    const bad = names.map((n) => {
      let text = readFileSync(join(fixture, n), "utf8");
      if (n === "orders.csv") text = text.replace(/\n([^\n]*)$/, "\nO9,S1,EM,2015-13-01,\n");
      return { name: n, mimeType: "text/csv", buffer: Buffer.from(text) };
    });
    await page.getByLabel("CSV files").setInputFiles(bad);
    await page.getByLabel("Reason", { exact: true }).fill("first invoices of the year");
    await page.getByRole("button", { name: "Upload and reconcile" }).click();
    const alert = page.locator("#upload-error");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /orders\.csv:\d+: start_date: expected a date YYYY-MM-DD, got "2015-13-01"/,
    );
    expect(await page.getByText("No invoices reconciled for this contract yet.").count()).toBe(1);

    await page.getByLabel("CSV files").setInputFiles(names.map((n) => join(fixture, n)));
    await page.getByRole("button", { name: "Upload and reconcile" }).click();
    await page.getByText(/^Reconciled 7 lines: \d+ exceptions, £[\d,.]+ at risk\.$/).waitFor();
    await page.getByText(/Latest reconciliation: 7 invoice lines/).waitFor();
    await queueRows(page).first().waitFor();
    expect(await queueRows(page).count()).toBeGreaterThan(0);
    await screenshot(page, "billing-uploaded");
  });
});
