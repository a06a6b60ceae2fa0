/**
 * What needs attention, in real Chromium against the real server and the demo: a contract
 * manager who signs in lands on it, sees the SSCL decision on what follows its end in September
 * 2027 and the electronic monitoring contract past its end, each linking to its record, and the
 * page passes axe. The contract's page shows its dates. The public is asked to sign in; finance
 * sees its own list.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("Needs attention in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("attention");
  });

  afterAll(async () => {
    await web?.close();
  });

  it("is where a contract manager lands after sign-in, each item linking to its record, axe-clean", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/login`);
    await page.getByLabel("Username").fill("contracts");
    await page.getByLabel("Password").fill("demo-contracts-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/attention");
    await page.getByRole("heading", { level: 1, name: "Needs attention" }).waitFor();
    const table = page.locator("table").first();
    await table.locator("tbody tr").first().waitFor();

    const sscl = table.locator("tr", { hasText: "decide what follows the contract" });
    expect(await sscl.innerText()).toContain("it ends 2027-09-30");
    expect(await sscl.getByRole("link").getAttribute("href")).toBe("/contracts/sscl-bss");
    const em = table.locator("tr", { hasText: "ended on 2026-03-31" });
    expect(await em.innerText()).toContain("Past its end");
    expect(await em.getByRole("link").getAttribute("href")).toBe("/contracts/em-tagging");
    const billing = table.locator("tr", { hasText: "billing exceptions open" });
    expect(await billing.getByRole("link").getAttribute("href")).toBe("/billing?contract=em-tagging");
    for (const href of await table
      .locator("tbody a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href"))))
      expect(href).toMatch(/^\/(contracts|billing)/);
    expect(await page.getByRole("link", { name: "Needs attention" }).getAttribute("aria-current")).toBe(
      "page",
    );
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, "attention-contract-manager");

    await sscl.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /Business support services/ }).waitFor();
    const dates = page.getByTestId("contract-dates");
    await dates.waitFor();
    const text = await dates.innerText();
    expect(text).toContain("extended");
    expect(text).toContain("Decide what follows");
    expect(text).toContain("30 Sep 2027");
    expect(await page.getByTestId("owners").innerText()).toContain("Cabinet Office 25%");
    expect(await axeViolations(page, { include: ['[data-testid="contract-dates"]'] })).toEqual([]);
  });

  it("asks the public to sign in, and gives finance the billing side", async () => {
    const visitor = await web.visitor();
    await web.open(visitor, "/attention", "Needs attention");
    await visitor.locator("#main").getByRole("link", { name: "Sign in" }).waitFor();
    expect(await visitor.locator("table").count()).toBe(0);

    const finance = await web.visitor();
    await web.signIn(finance, "finance", "demo-finance-pass", "/attention");
    const table = finance.locator("table").first();
    await table.locator("tbody tr").first().waitFor();
    const all = await table.innerText();
    expect(all).toContain("billing exceptions open");
    expect(all).not.toContain("Change notice (UK10)");
  });
});
