/**
 * Two versions of a delivery model assessment compared in real Chromium against the real server
 * and a SQLite demo store: a commercial lead saves the demo assessment twice from its form (each
 * save a version), the second time with a changed weight, and the comparison names the change
 * and what it did to each option's weighted score and to the recommendation.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("delivery model assessment versions in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("dma-compare");
  });
  afterAll(async () => {
    await web?.close();
  });

  it("saves two versions from the form and compares them", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/dma/sscl-bss-dma/edit");
    const form = page.getByRole("form", { name: "Delivery model assessment" });
    await form.waitFor();
    await form.getByLabel("Criterion 1: weight").waitFor();
    await page.waitForFunction(
      () => (document.querySelector("#dma-c0-weight") as HTMLInputElement | null)?.value === "3",
    );
    const reason = form.getByLabel("Reason (kept in the audit trail)");
    await reason.fill("as agreed at the workshop");
    await form.getByRole("button", { name: "Save assessment" }).click();
    const versions = page.getByTestId("dma-versions");
    await versions.locator("tbody tr").first().waitFor();

    await form.getByLabel("Criterion 1: weight").fill("1");
    await reason.fill("control weighed less after the board");
    await form.getByRole("button", { name: "Save assessment" }).click();
    await versions.locator("tbody tr").nth(1).waitFor();
    expect(await versions.locator("tbody tr").nth(1).innerText()).toContain(
      "control weighed less after the board",
    );

    await page.getByRole("button", { name: "Compare version 2 with version 1" }).click();
    const changes = page.getByTestId("dma-compare-changes");
    await changes.waitFor();
    expect(await changes.locator("tbody tr").allInnerTexts()).toEqual([
      'Criterion "Control and accountability": weight\t3\t1',
    ]);
    const scores = await page.getByTestId("dma-compare-scores").locator("tbody tr").allInnerTexts();
    expect(scores).toHaveLength(4);
    expect(await page.getByTestId("dma-compare-recommendation").innerText()).toMatch(/^The recommendation /);
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, "dma-version-compare");
  });
});
