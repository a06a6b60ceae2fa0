/**
 * Managing a contract from its page, in real Chromium against the real server and a SQLite
 * database holding the demo: a contract manager records a KPI, rates it, records a change (the
 * page says before saving whether it needs a UK10 notice), and is stopped, with nothing stored,
 * by a value that is not an amount. A scrutineer sees the records but no form.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("Managing a contract in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("contract-manage");
  });

  afterAll(async () => {
    await web?.close();
  });

  it("records a KPI, its rating and a change from the contract page, each audited", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const manage = page.getByRole("region", { name: "Manage the contract" });
    await manage.waitFor();

    await manage.getByText("Add a key performance indicator").click();
    const kpi = page.getByRole("form", { name: "Add a key performance indicator" });
    await kpi.getByLabel("Reference").fill("kpi-e2e");
    await kpi.getByLabel("What is measured").fill("Invoices paid within 30 days");
    await kpi.getByLabel("Target").fill("98%");
    await kpi.getByLabel("Reason (kept in the audit trail)").fill("added at the quarterly review");
    await kpi.getByRole("button", { name: "Record KPI" }).click();
    expect(await manage.locator('[data-form="kpi"] [role="status"]').innerText()).toBe(
      "KPI kpi-e2e recorded.",
    );
    // The table of KPIs above the notices now lists it, not yet rated.
    const row = page.locator("tr", { hasText: "Invoices paid within 30 days" });
    await row.waitFor();
    expect(await row.innerText()).toContain("not rated");

    await manage.getByText("Rate performance against a KPI").click();
    const rating = page.getByRole("form", { name: "Rate performance against a KPI" });
    await rating.getByLabel("KPI").selectOption("kpi-e2e");
    await rating.getByLabel("Last day of the period rated").fill("2026-09-30");
    await rating.getByLabel("Rating").selectOption("requiresImprovement");
    await rating.getByLabel("Reason (kept in the audit trail)").fill("Q2 performance report");
    await rating.getByRole("button", { name: "Record rating" }).click();
    expect(await manage.locator('[data-form="rating"] [role="status"]').innerText()).toBe(
      'kpi-e2e rated "requires improvement" for the period to 30 Sep 2026.',
    );
    await page
      .locator("tr", { hasText: "Invoices paid within 30 days" })
      .filter({ hasText: "requires improvement" })
      .waitFor();

    await manage.getByText("Record a contract change").click();
    const change = page.getByRole("form", { name: "Record a contract change" });
    // A value that is not an amount stops the form before anything is sent.
    await change.getByLabel("Reference").fill("variation-e2e");
    await change.getByLabel("Date of the change").fill("2026-10-01");
    await change.getByLabel("Value after (£)").fill("12.345");
    await change.getByRole("button", { name: "Record change" }).click();
    expect(await manage.locator('[data-form="change"] [role="alert"]').innerText()).toBe(
      'Value after: expected an amount in pounds with up to 2 decimals, got "12.345".',
    );
    const before = Number(await change.getByLabel("Value before (£)").inputValue());
    expect(before).toBeGreaterThan(0);
    // 20% more: the page says a UK10 notice is needed before it is saved.
    await change.getByLabel("Value after (£)").fill((before * 1.2).toFixed(2));
    expect(await change.locator('[data-preview="uk10"]').innerText()).toMatch(
      /^This change needs a contract change notice \(UK10\): value changes by 20\.0%, more than 10\.0%\.$/,
    );
    await change.getByLabel("What changes").fill("Payroll for two more bodies");
    await change.getByLabel("Rationale").fill("New shared-service customers");
    await change.getByLabel("Reason (kept in the audit trail)").fill("variation signed");
    await change.getByRole("button", { name: "Record change" }).click();
    expect(await manage.locator('[data-form="change"] [role="status"]').innerText()).toMatch(
      /^Change variation-e2e recorded\. A contract change notice \(UK10\) is required: value changes by 20\.0%/,
    );
    await web.screenshot(page, "contract-manage");

    const stored = await web.store.db
      .selectFrom("contract_changes")
      .select(["id", "value_before_pence", "value_after_pence"])
      .where("id", "=", "variation-e2e")
      .execute();
    expect(stored).toHaveLength(1);
    expect(Number(stored[0]!.value_after_pence)).toBe(Math.round(before * 1.2 * 100));
    const audit = await web.store.db
      .selectFrom("audit_log")
      .select(["actor", "reason"])
      .where("actor", "=", "contracts")
      .orderBy("seq")
      .execute();
    // The demo's own entries by this account come first; this test's three are the last.
    expect(audit.map((a) => a.reason).slice(-3)).toEqual([
      "added at the quarterly review",
      "Q2 performance report",
      "variation signed",
    ]);
    expect((await verifyAudit(web.store)).ok).toBe(true);
  });

  it("shows a scrutineer the KPIs but no form to change them", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/contracts/sscl-bss");
    await page.getByRole("heading", { name: "Procurement Act notices" }).waitFor();
    await page.locator("caption", { hasText: "Key performance indicators" }).waitFor();
    expect(await page.getByRole("region", { name: "Manage the contract" }).count()).toBe(0);
  });
});
