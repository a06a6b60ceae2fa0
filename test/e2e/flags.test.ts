/**
 * The red-flags pages end to end: real Chromium against the real server on a real SQLite database
 * holding the demo releases. A visitor runs the indicators for MOPAC from the dashboard and sees a
 * planted flag with its threshold and explanation, under the "never a verdict" notice.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("red flags in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("flags");
  });

  afterAll(async () => {
    await web?.close();
  });

  it("runs the indicators for MOPAC from the dashboard and explains a planted flag", async () => {
    const page = await web.visitor();
    const res = await page.goto(`${web.base}/`);
    expect(res?.status()).toBe(200);
    await page.getByRole("link", { name: "Red flags" }).click();
    await page.getByRole("heading", { level: 1, name: "Red flags" }).waitFor();
    expect(await page.getByRole("note", { name: "About red flags" }).innerText()).toContain(
      "A flag is a lead for a closer look, never a verdict",
    );

    const select = page.getByLabel("Buyer");
    await select
      .locator("option", { hasText: "Mayor's Office for Policing and Crime" })
      .waitFor({ state: "attached" });
    await select.selectOption("Mayor's Office for Policing and Crime");
    await page.getByRole("button", { name: "Run the indicators" }).click();
    await page
      .getByRole("heading", { level: 2, name: /Results for Mayor's Office for Policing and Crime/ })
      .waitFor();
    expect(new URL(page.url()).searchParams.get("buyer")).toBe("Mayor's Office for Policing and Crime");
    expect(await page.locator(".flags-counts").innerText()).toMatch(/56\s+processes compiled/);
    // The data and the result, to check with Cardinal.
    const jsonl = page.getByRole("link", { name: "the compiled releases (JSON Lines)" });
    expect(await jsonl.getAttribute("href")).toBe(
      "/api/flags/compiled.jsonl?buyer=Mayor%27s+Office+for+Policing+and+Crime",
    );
    const cardinalHref = await page
      .getByRole("link", { name: "this result in Cardinal's format (JSON)" })
      .getAttribute("href");
    const cardinal = JSON.parse(decodeURIComponent(cardinalHref!.split(",").slice(1).join(","))) as Record<
      string,
      unknown
    >;
    expect(Object.keys(cardinal)).toEqual(["OCID", "Buyer", "ProcuringEntity", "Tenderer", "Meta"]);

    const processes = page.getByRole("region", { name: "Flagged processes" });
    // Process 8: a 12-day submission period against the default 15 days.
    const row = processes.locator("tr", { hasText: "ocds-nous01-demo-mopac-008" });
    expect(await row.innerText()).toContain("Short submission period");
    await row.locator("summary").first().click();
    const flag = row.locator("details.flags-flag[open]");
    const text = await flag.innerText();
    expect(text).toMatch(/below\s+15: the indicator's default/);
    expect(text).toContain("days: 12");
    expect(text).toContain("Why it is a risk");
    expect(text).toContain("Definition");

    // A heavily discounted bid: the threshold is a fence computed from the quartiles.
    const r058 = processes.locator("tr", { hasText: "ocds-nous01-demo-mopac-024" });
    await r058.locator("summary").first().click();
    expect(await r058.locator("details[open]").innerText()).toMatch(/computed from the quartiles.*q1/s);

    const tenderers = page.getByRole("region", { name: "Flagged tenderers" });
    expect(await tenderers.innerText()).toContain("Rapid Response Consulting Ltd (fictional)");
    expect(await page.getByRole("region", { name: "Flagged buyers" }).innerText()).toContain(
      "Large total of direct awards",
    );
    await web.screenshot(page, "flags-mopac");

    await r058.getByRole("link", { name: /How R058 is calculated/ }).click();
    await page.getByRole("heading", { level: 1, name: /^R058/ }).waitFor();
    expect(await page.locator("main").innerText()).toContain("Why it is a risk");
    await web.screenshot(page, "flags-indicator-r058");
  });

  it("shows the settings error naming the unknown key", async () => {
    const page = await web.visitor();
    await page.goto(`${web.base}/flags`);
    await page.getByRole("heading", { level: 1, name: "Red flags" }).waitFor();
    await page.getByText("Use a settings file").click();
    await page.getByLabel(/Settings:/).fill("[R018]\nthresold = 2\n");
    await page.getByRole("button", { name: "Run the indicators" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain('unknown property "thresold" in section [R018]');
  });
});
