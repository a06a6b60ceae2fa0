/**
 * The Decide page in a real browser against the real server on the demo data: a visitor opens
 * the SSCL deal from the Appraisals list and reads the options with their NPV, the probability
 * of meeting the savings target, how many administrations the contract binds, the workforce
 * figures with the zero-hours declaration, and the gate history with its flags.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("Decide page in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("decide");
  });

  afterAll(async () => {
    await web?.close();
  });

  it("opens the SSCL deal from the Appraisals list and shows what a committee needs", async () => {
    const page = await web.visitor();
    const res = await page.goto(`${web.base}/appraisals`);
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
    await page.getByText("Switching values: how far a figure must move").click();
    expect(await page.getByTestId("discount-rate").innerText()).toBe(
      "Discount rate: Outsource to Shared Services Connected Ltd is preferred at every constant rate from 0% to 30%.",
    );

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
    expect(workforce).toContain("715");
    expect(workforce).toContain("Newport 25");
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
    await web.screenshot(page, "decide-sscl");
    expect(await page.getByRole("heading", { name: "Change in a form" }).count()).toBe(0);
  });

  it("links a commercial lead from the deal to the form of each document, and opens the payment profile in its form", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/appraisals/sscl-bss");
    const forms = page.getByRole("region", { name: "Change in a form" });
    await forms.waitFor();
    const links = await forms.getByRole("link").allInnerTexts();
    expect(links).toEqual(
      expect.arrayContaining([
        "Change the appraisal case",
        "Change the payment profile",
        "Change the workforce plan",
      ]),
    );
    await forms.getByRole("link", { name: "Change the payment profile" }).click();
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/horizon\/[^/]+\/edit$/);
  });
});
