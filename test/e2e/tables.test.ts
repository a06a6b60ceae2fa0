/**
 * The dashboard's tables and its cache of API answers, in real Chromium against the real server
 * on a SQLite database holding the demo: the contract register sorts by value (mouse and
 * keyboard only) and filters by a supplier's name with a status line saying how many contracts
 * are shown; the sortable tables of the register, the pipeline list, flags, the billing queue
 * and the audit trail carry aria-sort, named sort buttons and labelled filter boxes; and after
 * a write on the Accounts page the list shows it without a reload. The comparison the tables
 * sort by (amounts, decimal strings, dates, nulls last) is checked apart from the browser too.
 *
 * axe-core is not installed in this repository, so the accessibility checks here are explicit
 * assertions on the markup a screen reader relies on, not an axe run.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareDecimals,
  compareSortValues,
  firstSortDescending,
} from "../../web/src/components/table-sort.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

describe("the order tables sort by", () => {
  it("compares amounts, decimal strings and dates by value, text alphabetically, nulls last", () => {
    const sorted = (xs: (string | number | null)[]) => [...xs].sort(compareSortValues);
    expect(sorted([900, 23_450_000_000, 10_140_000_000, null, 5])).toEqual([
      5,
      900,
      10_140_000_000,
      23_450_000_000,
      null,
    ]);
    expect(sorted(["10.5", "9.75", "-2", "10.50001", "0"])).toEqual(["-2", "0", "9.75", "10.5", "10.50001"]);
    expect(sorted(["2027-09-30", "2015-07-15", null, "2024-01-05"])).toEqual([
      "2015-07-15",
      "2024-01-05",
      "2027-09-30",
      null,
    ]);
    expect(sorted(["serco", "Capita", "atos", "Sopra Steria"])).toEqual([
      "atos",
      "Capita",
      "serco",
      "Sopra Steria",
    ]);
    // Beyond a binary float's 15 digits the decimals still compare exactly.
    expect(compareDecimals("12345678901234567.01", "12345678901234567.02")).toBe(-1);
    expect(compareDecimals("-0.00", "0")).toBe(0);
  });

  it("starts amounts and dates largest or latest first, text A to Z", () => {
    expect(firstSortDescending([null, 12])).toBe(true);
    expect(firstSortDescending(["2020-01-01"])).toBe(true);
    expect(firstSortDescending(["Capita"])).toBe(false);
  });
});

/** "£234.5m" -> 23_450_000_000 pence (whole pounds are enough to order by). */
function pence(text: string): number {
  const m = /£([\d,.]+)\s*(bn|m|k)?/.exec(text);
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
  const scale = m[2] === "bn" ? 1e9 : m[2] === "m" ? 1e6 : m[2] === "k" ? 1e3 : 1;
  return Math.round(Number((m[1] ?? "").replaceAll(",", "")) * scale * 100);
}

describeBrowser("sortable, filterable tables in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("tables");
  });

  afterAll(async () => {
    await web?.close();
  });

  const register = (page: Page) => page.getByRole("region", { name: /^\d+ contracts?$/ });
  const values = async (page: Page) =>
    (await register(page).locator("tbody tr:visible td:nth-child(4)").allInnerTexts()).map(pence);
  const valueHeader = (page: Page) => register(page).getByRole("columnheader", { name: /^Value/ });

  /**
   * What a screen reader relies on in every table with sortable columns: each sortable header is
   * a th with aria-sort of ascending, descending or none holding one named button; each filter
   * box has a label; ids are unique; the status line is a polite live region.
   */
  async function checkTables(page: Page, expectSortable = true): Promise<void> {
    const report = await page.evaluate(() => {
      const problems: string[] = [];
      const sortable = Array.from(document.querySelectorAll("th[aria-sort]"));
      for (const th of sortable) {
        const sort = th.getAttribute("aria-sort");
        if (!["ascending", "descending", "none"].includes(sort ?? "")) problems.push(`aria-sort=${sort}`);
        const buttons = th.querySelectorAll("button");
        if (buttons.length !== 1) problems.push(`${buttons.length} buttons in a sortable header`);
        if (!buttons[0]?.textContent?.trim()) problems.push("a sort button with no name");
        if (th.getAttribute("scope") !== "col") problems.push("a sortable header without scope=col");
      }
      for (const input of Array.from(document.querySelectorAll<HTMLInputElement>(".table-filter input"))) {
        const label = input.labels?.[0]?.textContent?.trim() ?? "";
        if (!label.startsWith("Filter ")) problems.push(`filter box labelled ${JSON.stringify(label)}`);
      }
      for (const status of Array.from(document.querySelectorAll(".table-status"))) {
        if (status.getAttribute("aria-live") !== "polite") problems.push("a status line that is not polite");
      }
      const ids = Array.from(document.querySelectorAll("[id]")).map((e) => e.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      if (dupes.length) problems.push(`duplicate ids ${dupes.join(", ")}`);
      return { problems, sortable: sortable.length };
    });
    expect(report.problems).toEqual([]);
    if (expectSortable) expect(report.sortable).toBeGreaterThan(0);
  }

  it("sorts the register by value with the mouse, highest first, then lowest first", async () => {
    const page = await web.visitor();
    await web.open(page, "/contracts", "Contract register");
    await register(page).locator("tbody tr").first().waitFor();
    const before = await values(page);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(await valueHeader(page).getAttribute("aria-sort")).toBe("none");

    await valueHeader(page).getByRole("button", { name: "Value" }).click();
    expect(await valueHeader(page).getAttribute("aria-sort")).toBe("descending");
    const desc = await values(page);
    expect(desc).toEqual([...before].sort((a, b) => b - a));
    expect(desc[0]).toBe(pence("£234.5m"));

    await valueHeader(page).getByRole("button", { name: "Value" }).click();
    expect(await valueHeader(page).getAttribute("aria-sort")).toBe("ascending");
    expect(await values(page)).toEqual([...before].sort((a, b) => a - b));
    expect(await page.locator(".table-status").innerText()).toMatch(/sorted by Value \(ascending\)$/);
    await checkTables(page);
    await web.screenshot(page, "register-sorted");
  });

  it("filters the register by a supplier's name and says how many contracts are shown", async () => {
    const page = await web.visitor();
    await web.open(page, "/contracts", "Contract register");
    await register(page).locator("tbody tr").first().waitFor();
    const total = await register(page).locator("tbody tr").count();
    const status = page.locator(".table-status");
    expect(await status.innerText()).toBe(`${total} of ${total} contracts shown`);

    await page.getByLabel("Filter contracts").fill("shared services connected");
    await expect.poll(() => register(page).locator("tbody tr:visible").count()).toBe(1);
    expect(await register(page).locator("tbody tr:visible").innerText()).toContain(
      "Shared Services Connected Ltd",
    );
    expect(await status.innerText()).toBe(`1 of ${total} contracts shown`);

    await page.getByLabel("Filter contracts").fill("no such supplier anywhere");
    await expect.poll(() => register(page).locator("tbody tr:visible").count()).toBe(0);
    expect(await status.innerText()).toBe(`0 of ${total} contracts shown`);
    await page.getByText("No contracts match “no such supplier anywhere”.").waitFor();

    await page.getByLabel("Filter contracts").fill("");
    await expect.poll(() => register(page).locator("tbody tr:visible").count()).toBe(total);
    await checkTables(page);
  });

  it("sorts and filters the register by keyboard alone, with a visible focus ring", async () => {
    const page = await web.visitor();
    await web.open(page, "/contracts", "Contract register");
    await register(page).locator("tbody tr").first().waitFor();
    const before = await values(page);

    // Tab from the top of the page to the Value header's button.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        () =>
          document.activeElement?.tagName === "BUTTON" &&
          document.activeElement.closest("th")?.textContent?.startsWith("Value") === true,
      );
    }
    expect(reached).toBe(true);
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement as Element);
      return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
    });
    expect(ring.outline !== "none" || ring.shadow !== "none").toBe(true);

    await page.keyboard.press("Enter");
    expect(await valueHeader(page).getAttribute("aria-sort")).toBe("descending");
    expect(await values(page)).toEqual([...before].sort((a, b) => b - a));
    await page.keyboard.press("Enter");
    expect(await valueHeader(page).getAttribute("aria-sort")).toBe("ascending");
    expect(await values(page)).toEqual([...before].sort((a, b) => a - b));

    // Back to the filter box (Shift+Tab) and type a supplier's name.
    let inFilter = false;
    for (let i = 0; i < 20 && !inFilter; i++) {
      await page.keyboard.press("Shift+Tab");
      inFilter = await page.evaluate(() => document.activeElement?.closest(".table-filter") !== null);
    }
    expect(inFilter).toBe(true);
    await page.keyboard.type("Shared Services");
    await expect.poll(() => register(page).locator("tbody tr:visible").count()).toBe(1);
    expect(await page.locator(".table-status").innerText()).toMatch(/^1 of \d+ contracts shown/);
  });

  it("gives the pipeline list, flags, the billing queue and the audit trail the same sortable tables", async () => {
    const page = await web.visitor();
    await web.signIn(page, "admin", "demo-admin-pass", "/");

    await web.open(page, "/?view=list", "Market-testing pipeline");
    await page.getByRole("button", { name: "List" }).click();
    const services = page.getByRole("region", { name: /services$/ });
    await services.locator("tbody tr").first().waitFor();
    await services.getByRole("button", { name: "Annual cost" }).click();
    const costs = (await services.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((t) =>
      t.includes("£") ? pence(t) : -1,
    );
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    await checkTables(page);

    await web.open(page, "/flags?run=1", "Red flags");
    await page.locator("[data-group] table").first().waitFor({ timeout: 60_000 });
    await checkTables(page);

    await web.open(page, "/billing", "Billing");
    const queue = page.getByRole("region", { name: /^Exceptions/ });
    await queue.locator("tbody tr").first().waitFor({ timeout: 60_000 });
    await queue.getByRole("button", { name: "Days" }).click();
    expect(await queue.getByRole("columnheader", { name: /^Days/ }).getAttribute("aria-sort")).toBe(
      "descending",
    );
    const days = (await queue.locator("tbody tr td:nth-child(5)").allInnerTexts()).map((t) =>
      Number(t.replaceAll(",", "")),
    );
    expect(days.length).toBeGreaterThan(1);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    const onPage = await queue.locator("tbody tr").count();
    const firstRule =
      (await queue.locator("tbody tr td:first-child").first().innerText()).split(" ")[0] ?? "";
    await page.getByLabel("Filter exceptions on this page").fill(firstRule);
    const kept = await queue.locator("tbody tr:visible").count();
    expect(kept).toBeGreaterThan(0);
    expect(await page.getByText(/exceptions? on this page shown/).innerText()).toMatch(
      new RegExp(`^${kept} of ${onPage} exceptions? on this page shown`),
    );
    await checkTables(page);

    await web.open(page, "/audit", "Audit trail");
    const audit = page.getByRole("region", { name: /most recent entries/ });
    await audit.locator("tbody tr").first().waitFor();
    const seqs = async () =>
      (await audit.locator("tbody tr:visible td:first-child").allInnerTexts()).map(Number);
    await audit.getByRole("button", { name: "#" }).click();
    const desc = await seqs();
    expect(desc.length).toBeGreaterThan(1);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await audit.getByRole("button", { name: "#" }).click();
    expect(await seqs()).toEqual([...desc].reverse());
    await page.getByLabel("Filter entries").fill("demo-loader");
    expect(await page.locator(".table-status").innerText()).toMatch(/^\d+ of \d+ entries shown/);
    await checkTables(page);
  });

  it("shows a token issued on the Accounts page in its list without reloading the page", async () => {
    const page = await web.visitor();
    const nav = () => page.getByRole("navigation", { name: "Main" });
    await web.signIn(page, "admin", "demo-admin-pass", "/");
    // The audit trail is loaded (and cached) first, then the Accounts page, all within one page.
    await nav().getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    await page.locator("tbody tr").first().waitFor();
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await nav().getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("link", { name: "scrutineer", exact: true }).click();
    const manage = page.getByRole("region", { name: "Manage scrutineer" });
    await manage.getByText("No API tokens.").waitFor();

    const issue = manage.getByRole("form", { name: "Issue an API token" });
    await issue.getByLabel("Token name").fill("quarterly scrutiny pack");
    await issue.getByLabel("Reason (kept in the audit trail)").fill("committee papers");
    await issue.getByRole("button", { name: "Issue token" }).click();
    await manage.locator("tr", { hasText: "quarterly scrutiny pack" }).waitFor();

    // Back on the audit trail, within 30 s of loading it: the write marked the cached copy stale.
    await nav().getByRole("link", { name: "Audit trail" }).click();
    await page.getByRole("heading", { level: 1, name: "Audit trail" }).waitFor();
    await page.locator("tr", { hasText: "quarterly scrutiny pack" }).first().waitFor();
    // A page reload would have forgotten this.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });
});
