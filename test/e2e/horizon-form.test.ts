/**
 * The payment-profile form in real Chromium against the real server and a SQLite demo store: a
 * commercial lead fills ten annual amounts and a break point (money as people write it), is told
 * in plain words about a bad date, sees the engine's horizon (the share paid beyond the deciding
 * administration) before saving, saves it as a version, and the deal's page shows it; the form
 * opens the stored profile again to change it, keeps what was typed when the server refuses a
 * save, and passes axe-core.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseContract } from "../../src/decide/horizon/contract-schema.ts";
import { accountabilityHorizon } from "../../src/decide/horizon/horizon.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("payment profile form in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("horizon-form");
  });
  afterAll(async () => {
    await web?.close();
  });

  it("fills ten years and a break point, catches a bad date, shows the horizon, saves it for the deal", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/appraisals");
    await page.getByRole("link", { name: "New payment profile" }).click();
    const form = page.getByRole("form", { name: "Payment profile" });
    await form.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await form.getByLabel("For the contract").selectOption("em-tagging");
    await form.getByLabel("Title").fill("Electronic monitoring: payment profile");
    expect(await form.getByLabel("Contract name").inputValue()).not.toBe("");
    await form.getByLabel("Decision date").fill("2023-06-01");
    await form.getByLabel("Year 1 start").fill("2023-07-01");
    await form.getByLabel("Year 1 amount").fill("4,800,000");
    for (let i = 2; i <= 10; i++) {
      await form.getByRole("button", { name: "Add a year" }).click();
      // Each new year starts twelve months after the one before.
      expect(await form.getByLabel(`Year ${i} start`).inputValue()).toBe(`${2022 + i}-07-01`);
      await form.getByLabel(`Year ${i} amount`).fill("£4.8m");
    }
    await form.getByRole("button", { name: "Add a break point" }).click();
    await form.getByLabel("Break point 1 date").fill("2028-13-01");
    await form.getByLabel("Break point 1 termination cost").fill("£2.5m");
    await form.getByLabel("Break point 1 label").fill("five-year break");

    // The bad date is named by its box, in words, with the engine's own message.
    const problems = page.getByTestId("horizon-problems");
    await problems.waitFor();
    expect(await problems.innerText()).toBe("Break point 1 date: expected a date YYYY-MM-DD");
    await form.getByLabel("Reason (kept in the audit trail)").fill("profile from the signed contract");
    await form.getByRole("button", { name: "Save payment profile" }).click();
    expect(await page.locator("#hz-error").innerText()).toBe(
      "Break point 1 date: expected a date YYYY-MM-DD",
    );
    expect(await form.getByLabel("Year 10 amount").inputValue()).toBe("£4.8m");

    await form.getByLabel("Break point 1 date").fill("2028-07-01");
    const summary = page.getByTestId("horizon-preview-summary");
    await summary.waitFor();
    // Put right, the refusal goes.
    expect(await page.locator("#hz-error").count()).toBe(0);
    // The engine's own figure for the same profile: ten years of £4.8m from 2023-07-01, decided
    // 2023-06-01 in the 2021-2024 term.
    const h = accountabilityHorizon(
      parseContract({
        contract: "x",
        decisionDate: "2023-06-01",
        annual: Array.from({ length: 10 }, (_, i) => ({ start: `${2023 + i}-07-01`, amount: 4_800_000 })),
        breakPoints: [{ date: "2028-07-01", terminationCost: 2_500_000 }],
      }),
    );
    const share = `${(h.shareAfterDecidingTerm * 100).toLocaleString("en-GB", { maximumFractionDigits: 1 })}%`;
    expect(h.decidingAdministration).toBe("2021-2024");
    expect(await summary.innerText()).toBe(
      `Decided in the 2021-2024 administration (Mayor of London): the contract binds ${h.administrationsBound} later administrations, which pay ${share} of £48,000,000 beyond the deciding administration.`,
    );
    const breaks = await page.getByRole("table", { name: "Cost of leaving at each break point" }).innerText();
    expect(breaks).toContain("£2,500,000");
    await web.screenshot(page, "horizon-form");

    await form.getByRole("button", { name: "Save payment profile" }).click();
    await page.waitForURL(/\/horizon\/electronic-monitoring-payment-profile\/edit$/);
    // The edit page opens the stored profile.
    await page.getByRole("heading", { level: 1, name: /Payment profile: Electronic monitoring/ }).waitFor();

    const row = await web.store.db
      .selectFrom("decide_documents")
      .selectAll()
      .where("kind", "=", "horizon")
      .where("id", "=", "electronic-monitoring-payment-profile")
      .executeTakeFirstOrThrow();
    expect(row.contract_id).toBe("em-tagging");
    const doc = JSON.parse(row.body_json) as {
      decisionDate: string;
      elections: string;
      annual: Array<{ start: string; amount: number }>;
      breakPoints: Array<{ date: string; terminationCost: number; label: string }>;
    };
    expect(doc.decisionDate).toBe("2023-06-01");
    expect(doc.elections).toBe("london-mayoral");
    expect(doc.annual.map((a) => a.amount)).toEqual(Array(10).fill(4_800_000));
    expect(doc.annual[9]!.start).toBe("2032-07-01");
    expect(doc.breakPoints).toEqual([
      { date: "2028-07-01", terminationCost: 2_500_000, label: "five-year break" },
    ]);
    // The save is the profile's first version, published.
    const versions = await web.store.db
      .selectFrom("decide_versions")
      .select(["version", "status", "author", "note"])
      .where("kind", "=", "horizon")
      .where("doc_id", "=", "electronic-monitoring-payment-profile")
      .execute();
    expect(versions).toEqual([
      { version: 1, status: "published", author: "commercial", note: "profile from the signed contract" },
    ]);
    expect((await verifyAudit(web.store)).ok).toBe(true);

    // The form opens the stored profile again, as it was typed (money shown back in pounds).
    await page.reload();
    await page.getByRole("heading", { level: 1, name: /Payment profile: Electronic monitoring/ }).waitFor();
    await page.getByLabel("Year 10 amount").waitFor();
    expect(await page.getByLabel("Year 10 amount").inputValue()).toBe("4,800,000");
    expect(await page.getByLabel("Break point 1 termination cost").inputValue()).toBe("2,500,000");

    // The deal's page shows the stored profile's horizon.
    await page.getByRole("link", { name: "The deal's page" }).click();
    const stored = page.getByTestId("horizon-summary");
    await stored.waitFor();
    expect(await stored.innerText()).toMatch(/Decided in the 2021-2024 administration \(Mayor of London\)/);
    expect(await stored.innerText()).toContain("£48,000,000");
  });
  it("keeps what was typed when the server refuses the save", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/horizon/new");
    const form = page.getByRole("form", { name: "Payment profile" });
    await form.waitFor();
    await form.getByLabel("For the contract").selectOption("em-tagging");
    await form.getByLabel("Title").fill("Tagging: second profile");
    await form.getByLabel("Decision date").fill("2023-06-01");
    await form.getByLabel("Year 1 start").fill("2023-07-01");
    await form.getByLabel("Year 1 amount").fill("£1.2m");
    await form.getByLabel("Reason (kept in the audit trail)").fill("draft figures");
    await page.getByTestId("horizon-preview-summary").waitFor();
    // The session ends before the save: the server answers with its problem, and nothing is lost.
    await page.context().clearCookies();
    await form.getByRole("button", { name: "Save payment profile" }).click();
    const error = page.locator("#hz-error");
    await error.waitFor();
    expect((await error.innerText()).length).toBeGreaterThan(0);
    expect(await form.getByLabel("Year 1 amount").inputValue()).toBe("£1.2m");
    expect(await form.getByLabel("Title").inputValue()).toBe("Tagging: second profile");
    expect(
      await web.store.db
        .selectFrom("decide_documents")
        .select("id")
        .where("id", "=", "tagging-second-profile")
        .executeTakeFirst(),
    ).toBeUndefined();
  });
});
