/**
 * The contract register in real Chromium: every contract with its supplier's owners, the status
 * derived from its dates (the electronic monitoring contract expired), its next deadline; sorted
 * by end date and filtered to the expired contracts; and the whole register as CSV from the link.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("The contract register in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("register");
  });

  afterAll(async () => {
    await web?.close();
  });

  it("shows owners, derived status and next deadline; sorts by end and filters to the expired", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts");
    const table = page.locator("table").first();
    await table.locator("tbody tr").first().waitFor();

    const sscl = table.locator("tr", { hasText: "Shared Services Connected Ltd" });
    const ssclText = await sscl.innerText();
    expect(ssclText).toContain("owned by Sopra Steria 100%");
    expect(ssclText).toContain("extended");
    expect(ssclText).toContain("30 Dec 2026");
    const em = table.locator("tr", { hasText: "Electronic monitoring" });
    expect(await em.innerText()).toContain("expired");

    const endHeader = table.locator("th", { hasText: /^End/ });
    await endHeader.getByRole("button", { name: "End" }).click();
    expect(await endHeader.getAttribute("aria-sort")).toBe("descending");
    const titles = async () =>
      (await table.locator("tbody tr:not([hidden]) td:first-child").allInnerTexts()).map((t) => t.trim());
    const desc = await titles();
    expect(desc[0]).toMatch(/^Custody forensic healthcare/);
    expect(desc.at(-1)).toMatch(/^Electronic monitoring/);
    await endHeader.getByRole("button", { name: "End" }).click();
    expect(await endHeader.getAttribute("aria-sort")).toBe("ascending");
    expect((await titles())[0]).toMatch(/^Electronic monitoring/);

    await page.getByLabel("Filter contracts").fill("expired");
    await expect.poll(() => table.locator("tbody tr:visible").count()).toBe(1);
    expect(await table.locator("tbody tr:visible").innerText()).toContain("Electronic monitoring");
    expect(await page.locator(".table-status").innerText()).toMatch(/^1 of 3 contracts shown/);
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, "register-sorted-filtered");

    const href = await page.getByTestId("register-csv").getAttribute("href");
    expect(href).toBe("/api/contracts.csv");
    const csv = await page.evaluate(async (u) => (await fetch(u)).text(), href ?? "");
    expect(csv).toContain("em-tagging,");
    expect(csv.split("\n").find((l) => l.startsWith("em-tagging,"))).toContain(",expired,");
  });

  it("records a notice not to extend on the contract page: the status becomes in notice and the register follows", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/sscl-bss");
    const dates = page.getByTestId("contract-dates");
    await dates.getByText("Decide what follows").first().waitFor();
    await dates.getByText("Record a notice given to end the contract").click();
    const form = page.getByRole("form", { name: "Record a notice given to end the contract" });
    await form.getByLabel("Kind of notice").selectOption("non-extension");
    await form.getByLabel("Given on").fill("2026-12-01");
    await form.getByLabel("The contract's last day").fill("2027-09-30");
    await form.getByRole("button", { name: "Record notice" }).click();
    expect(await form.getByRole("alert").innerText()).toContain("Give a reason");
    await form
      .getByLabel("Reason (kept in the audit trail)")
      .fill("notice served at the board of 1 December");
    await form.getByRole("button", { name: "Record notice" }).click();
    expect(await form.getByRole("status").innerText()).toBe(
      "Notice recorded: the contract ends on 30 Sep 2027.",
    );
    await expect.poll(async () => dates.innerText()).toContain("in notice");
    expect(await dates.innerText()).not.toContain("Decide what follows");
    expect(await axeViolations(page, { include: ['[data-testid="contract-dates"]'] })).toEqual([]);

    await web.open(page, "/contracts", "Contract register");
    const row = page.locator("table").first().locator("tr", { hasText: "Shared Services Connected Ltd" });
    await expect.poll(async () => row.innerText()).toContain("in notice");
  });
});
