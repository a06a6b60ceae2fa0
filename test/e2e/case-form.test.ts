/**
 * A commercial lead's whole path in real Chromium against the real server on a SQLite demo
 * database: adds a service, moves it through two stages with the evidence their gates need,
 * builds an appraisal case from scratch in the form (three options, ten years of cash flows, an
 * uncertain price), sees the NPV and the probability of meeting the savings target before saving,
 * saves a draft, changes one cost, saves again, compares the versions (the changed cost and the
 * NPV change), and publishes. The forms pass axe and are worked by keyboard.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots (case-form.png, version-compare.png).
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("A commercial lead enters a service and its appraisal case in the dashboard", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("case-form");
  });
  afterAll(async () => {
    await web?.close();
  });

  async function approve(page: Page, evidence: string[], driver: string, reason: string, next: string) {
    const form = page.getByRole("form", { name: new RegExp(`and move to ${next}$`) });
    await form.waitFor();
    for (const e of evidence) await form.getByLabel(e, { exact: true }).check();
    await form.getByLabel(driver, { exact: true }).check();
    await form.getByLabel("Reason (kept in the audit trail)").fill(reason);
    await form.getByRole("button", { name: `Approve and move to ${next}` }).click();
  }

  it("adds a service, moves it two stages, builds, compares and publishes its appraisal case", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/");
    await page.getByRole("link", { name: "Add a service" }).click();
    await page.getByRole("heading", { level: 1, name: "Add a service" }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const sf = page.getByRole("form", { name: "Add a service" });
    await sf.getByLabel("Service id").fill("fm-services");
    await sf.getByLabel("Name", { exact: true }).fill("Facilities management");
    await sf.getByLabel("Annual cost (£)").fill("£4.5m");
    await sf.getByLabel("Staff").fill("60");
    await sf.getByLabel("Why it is classified so").fill("Buildings upkeep is not core to policing");
    await sf.getByLabel("Reason (kept in the audit trail)").fill("wave 3 market test");
    await sf.getByRole("button", { name: "Add the service" }).click();
    await page.getByRole("heading", { level: 1, name: /Facilities management/ }).waitFor();
    expect(await page.getByText("£4,500,000").first().isVisible()).toBe(true);

    // Two stages, each with the evidence its gate needs.
    await approve(page, ["service record", "pipeline entry"], "service quality", "entered in the pipeline", "Market assessment");
    await page.getByText("At Market assessment.", { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await approve(
      page,
      ["market analysis", "market engagement record"],
      "market",
      "three suppliers engaged",
      "Delivery model assessment",
    );
    await page.getByText("At Delivery model assessment.", { exact: false }).waitFor();
    const svc = await web.store.db.selectFrom("services").select("stage").where("id", "=", "fm-services").executeTakeFirstOrThrow();
    expect(svc.stage).toBe("delivery-model-assessment");
    const gates = await web.store.db
      .selectFrom("decide_gate_events")
      .select(["gate", "action", "evidence_json"])
      .where("service_id", "=", "fm-services")
      .orderBy("date")
      .orderBy("id")
      .execute();
    expect(gates.map((g) => [g.gate, g.action, JSON.parse(g.evidence_json)])).toEqual([
      ["market-assessment", "approve", ["market-analysis", "market-engagement-record"]],
      ["pipeline", "approve", ["service-record", "pipeline-entry"]],
    ]);

    // The case, from scratch.
    await page.goto(`${web.base}/cases/new`);
    await page.getByRole("heading", { level: 1, name: "New appraisal case" }).waitFor();
    // By keyboard: the first box takes typing and Tab moves on to the next control.
    await page.getByLabel("What is being decided").focus();
    await page.keyboard.type("Facilities management: keep, outsource or share");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("case-discounting");

    const opt = (n: number) => page.locator(`fieldset[data-option="${n}"]`);
    await opt(1).getByLabel("Option id").fill("in-house");
    await opt(1).getByLabel("Option name").fill("Keep in house");
    for (const [n, id, name] of [
      [2, "outsource", "Outsource"],
      [3, "shared", "Shared service"],
    ] as const) {
      await page.getByRole("button", { name: "Add an option" }).click();
      await opt(n).getByLabel("Option id").fill(id);
      await opt(n).getByLabel("Option name").fill(name);
    }
    await opt(2).getByLabel("Optimism bias category").selectOption("standard-buildings");
    await opt(2).getByLabel("Mitigation (%)").fill("50");
    await page.getByLabel("Baseline option").selectOption("in-house");
    await page.getByLabel("Savings target (£)").fill("£2m");

    await page.getByRole("button", { name: "Add an uncertain input" }).click();
    await page.getByLabel("Input id").fill("price");
    await page.getByLabel("Input label").fill("Contract price");
    await page.getByLabel("Monte Carlo iterations").fill("5000");

    // A typo is said in the form's words, against its box, and what was typed stays.
    for (let r = 0; r < 3; r++) await page.getByRole("button", { name: "Add a cash flow row" }).click();
    await page.getByLabel("Row 1 (Keep in house, opex), year 0").fill("lots");
    const problems = page.getByTestId("case-problems");
    await problems.getByText('Keep in house, opex, year 0: "lots" is not an amount of money').waitFor();
    expect(await page.getByLabel("Row 1 (Keep in house, opex), year 0").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Row 1 (Keep in house, opex), year 0").inputValue()).toBe("lots");

    const rows: Array<[number, string, string]> = [
      [1, "Keep in house", "-£4.5m"],
      [2, "Outsource", "-4,000,000"],
      [3, "Shared service", "-£4.2m"],
    ];
    for (const [r, name, amount] of rows) {
      await page.getByLabel(`Row ${r} (${name}, opex), year 0`).fill(amount);
      await page.getByRole("button", { name: `Row ${r} (${name}, opex): same every year` }).click();
    }
    expect(await page.getByLabel("Row 2 (Outsource, opex), year 9").inputValue()).toBe("-4,000,000");
    await page.getByLabel("Row 2 uncertain input").selectOption("price");

    const headline = page.getByTestId("case-recommendation");
    await headline.waitFor({ timeout: 60_000 });
    const first = await headline.innerText();
    expect(first).toContain("Recommended: Outsource");
    expect(first).toMatch(/probability of meeting the savings target \d+\.\d%/);
    const npvBefore = await page.getByTestId("npv-outsource").innerText();
    expect(npvBefore).toMatch(/^-£3\d,\d{3},\d{3}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator(".case-grid-wrap").evaluate((e) => {
      e.scrollLeft = 0;
    });
    await web.screenshot(page, "case-form");

    const save = page.getByRole("form", { name: "Save the case as a draft" });
    await save.getByLabel("Case id").fill("fm-case");
    await save.getByLabel("Title").fill("FM: keep, outsource or share");
    await save.getByLabel("Service").selectOption("fm-services");
    await save.getByLabel("Reason for this version (kept in the audit trail)").fill("first draft for the board");
    await save.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Version 1 saved as a draft.").waitFor();

    // One cost changes: outsourcing in year 3, after market engagement.
    await page.getByLabel("Row 2 (Outsource, opex), year 3").fill("-£4.6m");
    await page.getByTestId("npv-outsource").filter({ hasNotText: npvBefore }).waitFor({ timeout: 60_000 });
    await save.getByLabel("Reason for this version (kept in the audit trail)").fill("year 3 price from market engagement");
    await save.getByRole("button", { name: "Save draft" }).click();
    await page.getByText("Version 2 saved as a draft.").waitFor();

    await page.getByRole("button", { name: "Compare version 2 with version 1" }).click();
    const changes = page.getByTestId("compare-changes");
    await changes.waitFor({ timeout: 60_000 });
    expect(await changes.locator("tbody tr").allInnerTexts()).toEqual([
      'Option "Outsource", opex, year 3\t-£4,000,000\t-£4,600,000',
    ]);
    // £600,000 more in year 3 at the Green Book's 3.5%: 600000 / 1.035^3 = £541,165.63 less NPV.
    expect(await page.getByTestId("npv-change-outsource").innerText()).toBe("-£541,166");
    expect(await page.getByTestId("npv-change-in-house").innerText()).toBe("£0");
    expect(await page.getByTestId("compare-recommendation").innerText()).toBe(
      "The recommendation is unchanged: Outsource.",
    );
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, "version-compare-page");
    // The comparison itself, as the closing note shows it.
    const shots = process.env.NOUS_E2E_SHOTS ?? join(web.dir, "shots");
    await page.getByTestId("version-compare").screenshot({ path: join(shots, "version-compare.png") });

    const pub = page.getByRole("form", { name: "Publish version 2" });
    await pub.getByLabel("Reason for publishing (kept in the audit trail)").fill("for the January committee");
    await pub.getByRole("button", { name: "Publish version 2" }).click();
    await page.getByText("Version 2 published: it is the case everyone now reads.").waitFor();

    const stored = await web.store.db
      .selectFrom("decide_documents")
      .select(["published", "body_json", "service_id"])
      .where("kind", "=", "appraisal")
      .where("id", "=", "fm-case")
      .executeTakeFirstOrThrow();
    expect(stored.published).toBe(1);
    expect(stored.service_id).toBe("fm-services");
    const doc = JSON.parse(stored.body_json) as { options: Array<{ id: string; cashflows: Array<{ year: number; amount: number }> }> };
    expect(doc.options.map((o) => o.cashflows.length)).toEqual([10, 10, 10]);
    expect(doc.options[1]!.cashflows.find((c) => c.year === 3)!.amount).toBe(-4_600_000);
    const versions = await web.store.db
      .selectFrom("decide_versions")
      .select(["version", "status", "author"])
      .where("doc_id", "=", "fm-case")
      .orderBy("version")
      .execute();
    expect(versions).toEqual([
      { version: 1, status: "draft", author: "commercial" },
      { version: 2, status: "published", author: "commercial" },
    ]);
    expect((await verifyAudit(web.store)).ok).toBe(true);
  }, 300_000);

  it("reads the case's spreadsheet into the form, and names a bad cell with nothing stored", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/cases/fm-case");
    await page.getByRole("heading", { level: 1, name: /Appraisal case/ }).waitFor();
    const link = page.getByRole("link", { name: /This case as a spreadsheet \(XLSX\), version 2/ });
    const res = await page.request.get(`${web.base}${await link.getAttribute("href")}`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ExcelJS.Buffer);
    const flows = wb.getWorksheet("Cash flows")!;
    // Row 3 is the outsource option; column J is year 5.
    expect([flows.getCell("A3").value, flows.getCell("J1").value]).toEqual(["outsource", "Year 5"]);
    flows.getCell("J3").value = "tbc";
    const bad = Buffer.from(await wb.xlsx.writeBuffer());
    const versionsBefore = await web.store.db.selectFrom("decide_versions").select("version").execute();
    await page.getByLabel("Upload a filled template (XLSX or CSV)").setInputFiles({
      name: "fm-case.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: bad,
    });
    const alert = page.locator("#case-sheet-error");
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Cash flows!J3 (Year 5): expected an amount in pounds");
    expect(await web.store.db.selectFrom("decide_versions").select("version").execute()).toEqual(versionsBefore);

    flows.getCell("J3").value = -3_900_000;
    wb.getWorksheet("Case")!.getCell("A2").value = "FM from the spreadsheet";
    await page.getByLabel("Upload a filled template (XLSX or CSV)").setInputFiles({
      name: "fm-case.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await expect
      .poll(() => page.getByLabel("Row 2 (Outsource, opex), year 5").inputValue(), { timeout: 30_000 })
      .toBe("-3,900,000");
    expect(await page.getByLabel("What is being decided").inputValue()).toBe("FM from the spreadsheet");
    expect(await page.getByLabel("Row 2 (Outsource, opex), year 3").inputValue()).toBe("-4,600,000");
    expect(await web.store.db.selectFrom("decide_versions").select("version").execute()).toEqual(versionsBefore);
  }, 120_000);
});
