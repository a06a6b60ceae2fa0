/**
 * A contract's value over its life on its page, in real Chromium against the real server and a
 * SQLite database holding the demo: the savings chart (SVG with a text alternative and a table)
 * tracks SSCL's £101.4m claim, the variation timeline shows the award, the option taken and the
 * extension flagged for an illustrative UK10 notice, and a contract manager sees that the exit
 * plan cannot be ready before the end of the term; axe-clean. A contract manager appends a
 * variation from the form. The public sees savings and variations but no exit plan or form.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("A contract's savings, variations and exit in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("contract-value");
  }, 240_000);

  afterAll(async () => {
    await web?.close();
  });

  it("shows the savings chart and the variation timeline on the contract's page, axe-clean", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const savings = page.getByTestId("contract-savings");
    await savings.waitFor();
    const chart = savings.getByRole("img", { name: /Savings claimed and realised by year/ });
    await chart.waitFor();
    expect(await savings.locator("svg rect[fill='#1d4f91']").count()).toBeGreaterThanOrEqual(12);
    const facts = await savings.locator("dl").first().innerText();
    expect(facts).toContain("£234,500,000");
    expect(facts).toContain("£281,400,000");
    expect(facts).toContain("£101,400,000");
    expect(facts).toContain("demo figure");
    const table = savings.getByRole("table", { name: "Savings by year" });
    expect(await table.locator("tbody tr").count()).toBe(12);
    expect(await table.locator("tbody tr").nth(1).innerText()).toContain("£39,114,158");

    const variations = page.getByTestId("contract-variations");
    await variations.getByRole("img", { name: /Contract value and end date/ }).waitFor();
    expect(await variations.getByTestId("uk10-v1").innerText()).toContain("not a modification");
    const v2 = await variations.getByTestId("uk10-v2").innerText();
    expect(v2).toContain("needed (illustrative)");
    expect(v2).toContain("of the maximum term provided for on award");
    expect(await variations.innerText()).toContain("Public Contracts Regulations 2015");

    const exit = page.getByTestId("contract-exit");
    expect(await exit.getByTestId("exit-readiness").innerText()).toMatch(/^Not ready\./);
    expect(await exit.getByRole("table", { name: "Cost of leaving at each break point" }).locator("tbody tr").count()).toBe(4);

    expect(
      await axeViolations(page, {
        include: ['[data-testid="contract-savings"]', '[data-testid="contract-variations"]', '[data-testid="contract-exit"]'],
      }),
    ).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  }, 180_000);

  it("appends a variation from the form as the next version, with its UK10 test", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const variations = page.getByTestId("contract-variations");
    await variations.getByText("Record a variation").click();
    const form = page.getByRole("form", { name: "Record a variation" });
    await form.getByLabel("Dated").fill("2026-11-02");
    await form.getByLabel("Approved on").fill("2026-11-03");
    await form.getByLabel("Approved by").fill("Commercial director");
    await form.getByLabel("Reason for the variation").fill("Payroll for a new staff group");
    await form.getByLabel("What changes").fill("Adds payroll for special constables");
    await form.getByLabel("Change in value (£)").fill("2,345,000");
    await form.getByLabel("Reason (kept in the audit trail)").fill("recorded from the change note");
    await form.getByRole("button", { name: "Record variation" }).click();
    expect(await variations.locator('[data-form="variation"] [role="status"]').innerText()).toBe(
      "Version 3 recorded. No contract change notice (UK10) is needed.",
    );
    await variations.getByTestId("uk10-v3").waitFor();
    expect(await variations.getByRole("table").locator("tbody tr").count()).toBe(3);
    expect(await axeViolations(page, { include: ['[data-testid="contract-variations"]'] })).toEqual([]);
  }, 120_000);

  it("shows the public the savings and variations but not the exit plan", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/contracts/sscl-bss`);
    await page.getByTestId("contract-variations").waitFor();
    await page.getByTestId("contract-savings").getByRole("img").waitFor();
    expect(await page.getByTestId("contract-exit").count()).toBe(0);
    expect(await page.getByText("Record a variation").count()).toBe(0);
  }, 120_000);
});
