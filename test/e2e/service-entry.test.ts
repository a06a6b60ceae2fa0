/**
 * Adding a service and moving its stage in real Chromium: the form says each problem in its own
 * words against its box (not `annualCostPence`), keeps what was typed when refused, reads money as
 * people write it, and a duplicate id comes back from the server as a plain message with nothing
 * stored; the stage move says which evidence its gate still needs and stores nothing until it is
 * all there. A scrutineer sees neither form. Every page passes axe.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("Adding a service and moving its stage in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("service-entry");
  });
  afterAll(async () => {
    await web?.close();
  });

  it("refuses bad input in plain words, keeps what was typed, and reads £1.2m", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/services/new");
    const form = page.getByRole("form", { name: "Add a service" });
    await form.getByLabel("Name", { exact: true }).fill("Payroll");
    await form.getByLabel("Annual cost (£)").fill("1,2m");
    await form.getByRole("button", { name: "Add the service" }).click();
    const alert = page.locator("#service-new-error");
    await alert.waitFor();
    expect(await alert.innerText()).toBe("Service id: lower-case letters, digits and hyphens, e.g. payroll-services");
    expect(await page.locator("#service-new-annualCostPence-problem").innerText()).toContain(
      'Annual cost: "1,2m" is ambiguous',
    );
    expect(await form.getByLabel("Annual cost (£)").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Name", { exact: true }).inputValue()).toBe("Payroll");
    expect(await axeViolations(page)).toEqual([]);

    // A taken id: the server's refusal, in its words; nothing stored, nothing lost.
    await form.getByLabel("Service id").fill("catering");
    await form.getByLabel("Annual cost (£)").fill("£1.2m");
    await form.getByLabel("Why it is classified so").fill("back office");
    await form.getByLabel("Reason (kept in the audit trail)").fill("new market test");
    await form.getByRole("button", { name: "Add the service" }).click();
    await page.locator("#service-new-error").getByText(/catering/).waitFor();
    const catering = await web.store.db.selectFrom("services").select("name").where("id", "=", "catering").executeTakeFirstOrThrow();
    expect(catering.name).not.toBe("Payroll");
    expect(await form.getByLabel("Annual cost (£)").inputValue()).toBe("£1.2m");

    await form.getByLabel("Service id").fill("payroll");
    await form.getByRole("button", { name: "Add the service" }).click();
    await page.getByRole("heading", { level: 1, name: /Payroll/ }).waitFor();
    const row = await web.store.db.selectFrom("services").select(["annual_cost_pence", "stage"]).where("id", "=", "payroll").executeTakeFirstOrThrow();
    expect(row).toEqual({ annual_cost_pence: 120_000_000, stage: "pipeline" });
  });

  it("names the evidence a gate still needs and moves nothing without it", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/services/payroll");
    const form = page.getByRole("form", { name: "Approve Pipeline and move to Market assessment" });
    await form.getByLabel("service record", { exact: true }).check();
    await form.getByLabel("risk", { exact: true }).check();
    await form.getByLabel("Reason (kept in the audit trail)").fill("into the pipeline");
    await form.getByRole("button", { name: "Approve and move to Market assessment" }).click();
    const alert = page.locator("#stage-move-error");
    await alert.waitFor();
    expect(await alert.innerText()).toBe("Pipeline needs its evidence before approval: pipeline entry.");
    const events = await web.store.db.selectFrom("decide_gate_events").select("id").where("service_id", "=", "payroll").execute();
    expect(events).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // By keyboard: Space ticks the missing evidence, Enter on the button approves.
    await form.getByLabel("pipeline entry", { exact: true }).focus();
    await page.keyboard.press("Space");
    await form.getByRole("button", { name: "Approve and move to Market assessment" }).focus();
    await page.keyboard.press("Enter");
    await page.getByText("At Market assessment.", { exact: false }).waitFor();
  });

  it("shows a scrutineer neither the add link nor the stage move", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/");
    await page.getByRole("heading", { level: 1, name: "Market-testing pipeline" }).waitFor();
    expect(await page.getByRole("link", { name: "Add a service" }).count()).toBe(0);
    await web.open(page, "/services/payroll", "Payroll");
    expect(await page.locator("#stage-move-heading").count()).toBe(0);
  });
});
