/**
 * Billing assurance in the browser: real Chromium against the real server on a real SQLite
 * database holding the demo scenario. The demo contract's queue shows exceptions, an exception's
 * page shows the rule and its evidence, a contract manager disputes one through the form, a
 * scrutineer reads without action buttons, and the public is kept out.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { listAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, repo, startDashboard } from "./harness.ts";

describeBrowser("billing assurance in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("billing");
  });

  afterAll(async () => {
    await web?.close();
  });

  const queueRows = (page: Page) =>
    page
      .locator("section.table-wrap", {
        has: page.locator("caption", { hasText: "Exceptions, largest first" }),
      })
      .locator("tbody tr");

  it("keeps the public out of billing data", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/billing`);
    await page.getByRole("heading", { level: 2, name: "Staff only" }).waitFor();
    expect(await page.locator("nav[aria-label='Main']").innerText()).not.toContain("Billing");
    await page.goto(`${web.base}/contracts/em-tagging`);
    await page.getByRole("heading", { level: 1, name: /Electronic monitoring/ }).waitFor();
    expect(await page.getByRole("heading", { name: "Billing assurance" }).count()).toBe(0);
  });

  it("shows the demo contract's queue, the evidence, and lets a contract manager dispute an exception", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/billing");
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
    await web.screenshot(page, "billing-queue");

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
    // The download carries the same filters, and the signed-in session's cookie fetches it.
    const link = page.getByRole("link", { name: "Download these exceptions (CSV)" });
    expect(await link.getAttribute("href")).toBe(
      "/api/billing/exceptions.csv?contractId=em-tagging&rule=B05&state=open",
    );
    const csv = await page.evaluate(
      async (href) => (await fetch(href)).text(),
      (await link.getAttribute("href"))!,
    );
    const csvRows = csv.trimEnd().split("\n").slice(1);
    expect(csvRows.length).toBeGreaterThanOrEqual(texts.length);
    expect(csvRows.every((r) => r.includes(",B05,") && r.includes(",open,"))).toBe(true);

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
    await web.screenshot(page, "billing-exception-disputed");

    const audit = await listAudit(web.store, { entity: "billing-exception", entityId: id });
    expect(audit[0]).toMatchObject({
      actor: "contracts",
      action: "dispute",
      reason: "Prison register shows the subject in custody on these days",
    });
  });

  it("shows a scrutineer the evidence and the contract's totals but no workflow buttons", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/billing");
    await queueRows(page).first().waitFor();
    await queueRows(page).first().getByRole("link").click();
    await page.getByRole("heading", { name: "Evidence", level: 2 }).waitFor();
    expect(await page.getByRole("heading", { name: "Act on this exception" }).count()).toBe(0);
    // No workflow button: the only buttons are the tables' downloads.
    expect(await page.locator("main button", { hasNotText: /^Download (CSV|XLSX)/ }).count()).toBe(0);

    await page.goto(`${web.base}/contracts/em-tagging`);
    const section = page.locator("section", {
      has: page.getByRole("heading", { name: "Billing assurance" }),
    });
    await section.locator("tbody tr").first().waitFor();
    const text = await section.innerText();
    expect(text).toMatch(/At risk\s*£[\d,]+\.\d\d/);
    expect(text).toContain("B08 Day billed twice");
    await web.screenshot(page, "billing-contract-totals");
  });

  it("uploads a contract's files through the form, and shows a bad row's place without storing it", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/billing");
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
    await web.screenshot(page, "billing-uploaded");
  });
});
