/**
 * Performance in real Chromium against the real server and a SQLite database holding the demo:
 * on SSCL's page a contract manager sees the KPIs with their ratings, the service credits with
 * the working of the capped month, and the obligations overdue; a file with a bad cell is refused
 * on the page naming the cell; the supplier scorecard draws its chart with a table of the same
 * figures. Each page is axe-clean. A scrutineer sees the same but no forms.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("Performance and service credits in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("performance");
  }, 180_000);

  afterAll(async () => {
    await web?.close();
  });

  it("shows a contract's KPIs, its credits with their working and its overdue obligations", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const perf = page.getByTestId("contract-performance");
    await perf.waitFor();
    const payroll = perf.locator("tr", { hasText: "Payroll accuracy (demo)" });
    expect(await payroll.innerText()).toContain("at least 99.5% (tolerance 0.3%)");
    expect(await payroll.innerText()).toContain("supplier-reported");
    expect(await payroll.innerText()).toMatch(/unverified/);

    const credits = page.getByTestId("service-credits");
    await credits.waitFor();
    const march = credits.locator("tr", { hasText: "Mar 2026" });
    expect(await march.innerText()).toContain("£97,708.33 (capped)");
    const working = page.getByTestId("working-2026-03");
    await working.locator("summary").click();
    expect(await working.innerText()).toContain(
      "3 failed KPIs × £39,083.33 = £117,249.99, above the cap of £97,708.33: the credit is the cap, £97,708.33 (£19,541.66 not credited).",
    );

    const obligations = page.getByTestId("contract-obligations");
    expect(await obligations.locator("tr", { hasText: "open-book review" }).innerText()).toMatch(
      /overdue by \d+ days/,
    );
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it("refuses a results file with a bad cell on the page, naming the cell", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/em-tagging");
    await page.getByTestId("contract-performance").waitFor();
    await page.getByText("Import KPI results from a file").click();
    const file = join(web.dir, "march.csv");
    writeFileSync(
      file,
      "KPI,Period end,Result\nem-kpi-fitting,2026-03-31,99\nem-kpi-alerts,2026-03-31,lots\n",
    );
    await page.getByLabel("File (CSV or XLSX)").setInputFiles(file);
    await page.locator("#ki-reason").fill("final month's figures");
    await page.getByRole("button", { name: "Import results" }).click();
    const alert = page.locator("#ki-error");
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      'KPI results!C3 (Result): expected a number such as 98.5, found "lots"',
    );
    expect(await axeViolations(page)).toEqual([]);
  }, 120_000);

  it("draws a supplier's scorecard as a chart with its figures in a table", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/scorecards");
    const chart = page.getByTestId("scorecard-chart").first();
    await chart.waitFor();
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.locator("polyline").count()).toBeGreaterThan(0);
    expect(await chart.locator("desc").textContent()).toMatch(/Mar 2026 \d+%/);
    await page.getByText("The chart's figures as a table").first().click();
    expect(await page.locator("table").first().innerText()).toContain("Mar 2026");
    expect(await axeViolations(page)).toEqual([]);
    // The scrutineer reads the credits on a contract's page, with no form to change them.
    await page.goto(`${web.base}/contracts/sscl-bss`);
    await page.getByTestId("service-credits").waitFor();
    expect(await page.getByText("Record a KPI result").count()).toBe(0);
  }, 120_000);
});
