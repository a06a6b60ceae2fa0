/**
 * The public portal in real Chromium: no JavaScript on the page at all, reached by keyboard alone
 * (the skip link, a record's link, the question form sent and answered with a message), axe-core
 * finding no serious or critical violation on the home page and a contract page, and no sideways
 * scroll on a 320 px wide phone screen. The dashboard's header search box opens the search page.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { askQuestion } from "../../src/app/comments.ts";
import { axeViolations, type Dashboard, startDashboard, WCAG_TAGS } from "./harness.ts";

const serious = (v: string[]) => v.filter((line) => /\((serious|critical),/.test(line));

describeBrowser("public portal in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("portal", {
      seed: (store) =>
        askQuestion(
          store,
          { subject: "contract:em-tagging", body: "<b>Why</b> did tagging end early?", name: "Sam" },
          new Date(),
        ),
    });
  }, 300_000);
  afterAll(async () => {
    await web?.close();
  });

  it("has no script and no axe violation at all (WCAG 2.2 A/AA and best practice) on the portal's pages, the 404 included", async () => {
    const page = await web.visitor();
    for (const path of [
      "/public",
      "/public/contracts/sscl-bss",
      "/public/decisions/d-2015-award",
      "/public/services/finance",
      "/public/search?q=tagging",
      "/public/no-such-page",
    ]) {
      await page.goto(`${web.base}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.locator("script").count(), path).toBe(0);
      // Held to more than the must-show (no serious or critical): no violation at all, axe's best practice included.
      expect(await axeViolations(page, { tags: [...WCAG_TAGS, "best-practice"] }), path).toEqual([]);
    }
  }, 120_000);

  it("works by keyboard alone: skip link, a contract's link, and the question form", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/public`);
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement?.textContent ?? "");
    expect(first).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    // Tab on from the main region to the contract's link and follow it.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        () =>
          (document.activeElement as HTMLAnchorElement | null)?.getAttribute("href") ===
          "/public/contracts/sscl-bss",
      );
    }
    expect(reached).toBe(true);
    await Promise.all([
      page.waitForURL(`${web.base}/public/contracts/sscl-bss`),
      page.keyboard.press("Enter"),
    ]);
    await page.getByRole("heading", { level: 1, name: /Business support services/ }).waitFor();
    let inForm = false;
    for (let i = 0; i < 150 && !inForm; i++) {
      await page.keyboard.press("Tab");
      inForm = await page.evaluate(() => document.activeElement?.id === "ask-body");
    }
    expect(inForm).toBe(true);
    await page.keyboard.type("How many invoices were disputed in 2024?");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Send question");
    await Promise.all([page.waitForURL(/asked=pending/), page.keyboard.press("Enter")]);
    expect(await page.getByRole("status").innerText()).toContain(
      "will be published once a moderator has read it",
    );
  }, 120_000);

  it("reads on a 320 px wide screen with no sideways scroll", async () => {
    const page = await web.visitor({ width: 320, height: 640 });
    for (const path of ["/public", "/public/contracts/sscl-bss", "/public/search?q=tagging"]) {
      await page.goto(`${web.base}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const wide = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(wide, path).toBeLessThanOrEqual(0);
    }
  }, 120_000);

  it("finds records from the dashboard's header search box", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/`);
    await page.getByRole("searchbox", { name: /Search contracts, services/ }).fill("Newport");
    await page
      .getByRole("search", { name: "Search records" })
      .getByRole("button", { name: "Search" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Search" }).waitFor();
    await page
      .getByRole("link", { name: /Business support services/ })
      .first()
      .waitFor();
    expect(await page.locator("mark").first().innerText()).toMatch(/newport/i);
    expect(serious(await axeViolations(page))).toEqual([]);
  }, 120_000);

  it("lets an administrator publish and answer a question on the Questions page, axe-clean", async () => {
    const page = await web.visitor();
    await web.signIn(page, "admin", "demo-admin-pass", "/comments");
    await page.getByRole("heading", { level: 1, name: "Questions from the public" }).waitFor();
    const card = page.locator("article", { hasText: "did tagging end early?" });
    await card.waitFor();
    expect(await card.innerText()).toContain("<b>Why</b> did tagging end early?");
    expect(await card.innerText()).toContain("Waiting for moderation");
    expect(serious(await axeViolations(page))).toEqual([]);
    await card.getByLabel("Decision").selectOption("publish");
    await card
      .getByRole("form", { name: /Moderate/ })
      .getByLabel("Reason (kept in the audit trail)")
      .fill("on topic");
    await card.getByRole("button", { name: "Save decision" }).click();
    await card.getByText("Published.", { exact: true }).waitFor();
    await card.getByLabel("Official answer").fill("The contract ended at expiry.");
    await card
      .getByRole("form", { name: /Answer/ })
      .getByLabel("Reason (kept in the audit trail)")
      .fill("official answer");
    await card.getByRole("button", { name: "Save answer" }).click();
    await card.getByText("Answer saved.").waitFor();
    const portal = await web.visitor();
    await portal.goto(`${web.base}/public/contracts/em-tagging`);
    const q = portal.locator("article.question", { hasText: "did tagging end early?" });
    expect(await q.innerText()).toContain("The contract ended at expiry.");
    expect(await q.locator("b").count()).toBe(0);
  }, 180_000);
});
