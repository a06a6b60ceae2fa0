/**
 * The dashboard end to end: real Chromium against the real server on a real SQLite database
 * holding the demo scenario. Checks what a visitor relies on: the pipeline board, the contract
 * register, the decision timeline with its warnings, demo badges, and that unpublished records
 * appear only after a staff member signs in through the form.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("dashboard in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("dashboard");
  });

  afterAll(async () => {
    await web?.close();
  });

  /** A full-page screenshot, which holds a whole page, not an empty frame. */
  async function screenshot(page: Page, name: string): Promise<void> {
    const png = await web.screenshot(page, name);
    expect(png.length).toBeGreaterThan(1000);
  }

  it("shows the pipeline board with Finance under Contract management and a summary line", async () => {
    const page = await web.visitor();
    await web.open(page, "/", "Market-testing pipeline");
    await page.locator(".card").first().waitFor();

    const stages = await page.locator("section.board__stage h2").allInnerTexts();
    expect(stages).toHaveLength(11);
    const column = page.locator("section.board__stage", {
      has: page.getByRole("heading", { name: /Contract management/ }),
    });
    const cards = await column.locator(".card__title").allInnerTexts();
    expect(cards).toEqual(expect.arrayContaining(["Finance", "Human resources", "Procurement"]));
    expect(await column.innerText()).toContain("£18.4m");

    const summary = await page.getByTestId("pipeline-summary").innerText();
    expect(summary).toMatch(/^8 services in the pipeline, costing £\d+(\.\d)?m a year in total/);

    expect(await page.getByText("You are viewing published information only").isVisible()).toBe(true);
    expect(await page.locator(".card .demo-badge").first().isVisible()).toBe(true);
    expect(await page.locator(".source-note").innerText()).toContain("MOPAC decision records");
    await screenshot(page, "pipeline");
  });

  it("lists the contract register and opens a contract from it", async () => {
    const page = await web.visitor();
    await web.open(page, "/contracts", "Contract register");
    const row = page.locator("tr", { hasText: "Shared Services Connected Ltd" });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain("£234.5m");
    expect(text).toContain("£101.4m");
    expect(text).toContain("Mayor's Office for Policing and Crime");
    expect(text).toContain("30 Sep 2027");
    expect(await page.getByTestId("register-summary").innerText()).toMatch(
      /^3 contracts worth £342\.5m in total, with £101\.4m of savings claimed/,
    );
    await screenshot(page, "contracts");

    await row.getByRole("link", { name: /Business support services/ }).click();
    await page.getByRole("heading", { level: 1, name: /Business support services/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/contracts/sscl-bss");
    const facts = await page.locator("main").innerText();
    expect(facts).toContain("£234,500,000");
    expect(facts).toContain("£101,400,000");
    expect(facts).toContain("Latest possible end");
    expect(facts).toContain("Contract awarded to Shared Services Connected Ltd");
    expect(await page.locator("dl.facts").first().innerText()).toContain("Finance");
    await screenshot(page, "contract-sscl");

    // The contract page points to the deal's appraisal.
    await page.getByRole("link", { name: /Appraisal of this deal/ }).click();
    await page.waitForURL(/\/appraisals\/sscl-bss$/);
  });

  it("shows the finance service's decision timeline with the committee warning and budget-driven flags", async () => {
    const page = await web.visitor();
    await web.open(page, "/services/finance", "Finance");
    const timeline = page.locator("ol.timeline");
    expect(await timeline.innerText()).toContain("Full business case approved");

    const committee = page.locator("li.timeline__item--scrutiny");
    expect(await committee.count()).toBe(1);
    const warning = await committee.innerText();
    expect(warning).toContain("External scrutiny warning");
    expect(warning).toContain("the Met must ensure it has the business nous");
    expect(warning).toContain("London Assembly");

    const award = page.locator("li[data-decision='d-2015-award']");
    expect(await award.innerText()).toContain("budget-driven");
    const fbc = page.locator("li[data-decision='d-2015-fbc']");
    expect(await fbc.innerText()).not.toContain("budget-driven");
    expect(await fbc.getByRole("link").innerText()).toBe(
      "Business support services (finance, procurement, HR)",
    );

    const facts = await page.locator("dl.facts").innerText();
    expect(facts).toContain("£18,400,000");
    expect(facts).toContain("Back-office transaction processing");
    expect(facts).toContain("2013 market test of back-office services");
    expect(await page.locator("dl.facts .demo-badge").count()).toBeGreaterThan(0);
    expect(await page.getByRole("heading", { name: "Audit trail" }).count()).toBe(0);
    await screenshot(page, "service-finance");
  });

  it("hides unpublished records from the public and shows them to a scrutineer signed in through the form", async () => {
    const page = await web.visitor();
    await web.open(page, "/", "Market-testing pipeline");
    await page.locator(".card").first().waitFor();
    expect(await page.locator("main").innerText()).not.toContain("Dedicated detention officers");

    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.getByLabel("Username").fill("scrutineer");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    expect(await page.getByRole("alert").innerText()).toContain("wrong username or password");

    await page.getByLabel("Password").fill("demo-scrutineer-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Dedicated detention officers").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    const header = await page.locator("header").innerText();
    expect(header).toContain("Sam Scrutineer (Assembly)");
    expect(header).toContain("(scrutineer)");
    expect(await page.getByText("You are viewing published information only").count()).toBe(0);
    const card = page.locator(".card", { hasText: "Dedicated detention officers" });
    expect(await card.innerText()).toContain("Unpublished");

    await card.getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: /Dedicated detention officers/ }).waitFor();
    const out = page.locator("li.timeline__item--out-of-order");
    expect(await out.innerText()).toContain("not the logical order");
    expect(await out.innerText()).toContain(
      "Savings requirement for 2016/17 set before the assessment could finish.",
    );
    await page.getByRole("heading", { name: "Audit trail" }).waitFor();
    await page
      .locator("section", { has: page.getByRole("heading", { name: "Audit trail" }) })
      .locator("tbody tr")
      .first()
      .waitFor();
    await screenshot(page, "service-detention-scrutineer");

    await page.getByRole("link", { name: "Audit trail" }).click();
    await page.getByText(/Chain intact: \d+ entries/).waitFor();
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(10);
    await screenshot(page, "audit");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Sign in" }).waitFor();
    await page.goto(`${web.base}/services/detention-officers`);
    expect(await page.getByRole("alert").innerText()).toContain("Not found");
  });

  it("asks the public to sign in for the audit trail and explains an unknown record", async () => {
    const page = await web.visitor();
    await web.open(page, "/audit", "Audit trail");
    expect(await page.getByRole("alert").innerText()).toContain("Staff only");
    expect(await page.getByRole("navigation", { name: "Main" }).innerText()).not.toContain("Audit trail");

    await page.goto(`${web.base}/contracts/no-such-contract`);
    const panel = await page.getByRole("alert").innerText();
    expect(panel).toContain("Not found");
    expect(panel).toContain("no-such-contract");

    await page.goto(`${web.base}/no/such/page`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
  });

  it("fits a phone-sized screen without sideways scrolling", async () => {
    const page = await web.visitor({ width: 390, height: 844 });
    await web.open(page, "/services/finance", "Finance");
    await page.locator("ol.timeline").waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "service-finance-phone");
  });
});
