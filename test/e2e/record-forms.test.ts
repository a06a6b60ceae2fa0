/**
 * Adding records from the dashboard's forms, in real Chromium against the real server and a
 * SQLite demo store: a contract manager adds a contract (money typed as people write it, a date
 * in the wrong order caught before sending, what was typed kept), a commercial lead records a
 * decision for a service; each lands in the store, audited, and both forms pass axe-core.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("record forms in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("record-forms");
  });
  afterAll(async () => {
    await web?.close();
  });

  it("adds a contract from the form, catching a bad date before it is sent", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/new");
    const form = page.getByRole("form", { name: "Add a contract" });
    await form.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Title").fill("Custody forensic healthcare");
    await form.getByLabel("Buyer").fill("MOPAC");
    await form.getByLabel("Supplier").fill("Example Health Ltd");
    await form.getByLabel("Value").fill("£1.2m");
    await form.getByLabel("Starts on").fill("2026-04-01");
    await form.getByLabel("Ends on", { exact: true }).fill("2025-03-31");
    await form.getByLabel("Reason (kept in the audit trail)").fill("new contract let after the market test");
    await form.getByRole("button", { name: "Add contract" }).click();
    expect(await page.getByRole("alert").innerText()).toBe("The end date is before the start date.");
    // Nothing was sent, and what was typed is still there.
    expect(
      await web.store.db
        .selectFrom("contracts")
        .select("id")
        .where("id", "=", "custody-forensic-healthcare")
        .executeTakeFirst(),
    ).toBeUndefined();
    expect(await form.getByLabel("Value").inputValue()).toBe("£1.2m");

    await form.getByLabel("Ends on", { exact: true }).fill("2029-03-31");
    await form.getByRole("button", { name: "Add contract" }).click();
    await page.waitForURL(/\/contracts\/custody-forensic-healthcare$/);
    const row = await web.store.db
      .selectFrom("contracts")
      .selectAll()
      .where("id", "=", "custody-forensic-healthcare")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      title: "Custody forensic healthcare",
      value_pence: 120_000_000,
      end_date: "2029-03-31",
    });
    expect((await verifyAudit(web.store)).ok).toBe(true);
  });

  it("records a decision for a service, saying when it is budget-driven", async () => {
    const service = (
      await web.store.db.selectFrom("services").select("id").limit(1).executeTakeFirstOrThrow()
    ).id;
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", `/decisions/new?service=${service}`);
    const form = page.getByRole("form", { name: "Record a decision" });
    await form.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("What was decided").fill("Proceed to outline business case");
    await form.getByLabel("Decided on").fill("2015-07-07");
    await form.getByLabel("Gate", { exact: true }).selectOption("outline-business-case");
    await form.getByLabel("Outcome").fill("approved");
    await form.getByLabel("savings target").check();
    expect(await form.getByRole("status").innerText()).toMatch(/flagged as budget-driven/);
    await form.getByLabel("Reason (kept in the audit trail)").fill("minutes of the board");
    await form.getByRole("button", { name: "Record decision" }).click();
    await page.waitForURL(new RegExp(`/services/${service}$`));
    const row = await web.store.db
      .selectFrom("decisions")
      .selectAll()
      .where("id", "=", "proceed-to-outline-business-case")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      service_id: service,
      gate: "outline-business-case",
      decided_on: "2015-07-07",
    });
    expect(JSON.parse(row.drivers_json)).toEqual(["savings-target"]);
  });

  it("adds a market-testing wave, refusing one that ends before it starts", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/waves/new");
    const form = page.getByRole("form", { name: "Add a wave" });
    await form.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Name").fill("Market test 2027");
    await form.getByLabel("Starts on").fill("2027-04-01");
    await form.getByLabel("Ends on").fill("2026-03-31");
    await form.getByLabel("Reason (kept in the audit trail)").fill("the new administration's programme");
    await form.getByRole("button", { name: "Add wave" }).click();
    expect(await page.getByRole("alert").innerText()).toBe("The wave ends before it starts.");
    await form.getByLabel("Ends on").fill("2028-03-31");
    await form.getByRole("button", { name: "Add wave" }).click();
    await page.waitForURL(/\/$/);
    const row = await web.store.db
      .selectFrom("waves")
      .selectAll()
      .where("id", "=", "market-test-2027")
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Market test 2027", starts_on: "2027-04-01", ends_on: "2028-03-31" });
  });

  it("changes a workforce plan in a form checked by the engine, and names a bad cell of its spreadsheet", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/workforce/sscl-bss-workforce/edit");
    const form = page.getByRole("form", { name: "Workforce plan", exact: true });
    await form.waitFor();
    const scope = form.getByLabel("Posts in scope");
    await page.waitForFunction(
      () => (document.getElementById("wf-postsInScope") as HTMLInputElement | null)?.value !== "",
    );
    const posts = Number(await scope.inputValue());
    expect(await axeViolations(page)).toEqual([]);
    // One post more in scope than the plan accounts for: the engine's balance check says so.
    await scope.fill(String(posts + 1));
    const said = page.getByRole("region", { name: "What the plan says" });
    await said
      .getByText(/^Error:/)
      .first()
      .waitFor();
    await form.getByLabel("Reason (kept in the audit trail)").fill("recounted");
    await form.getByRole("button", { name: "Save workforce plan" }).click();
    expect(await page.getByRole("alert").first().innerText()).not.toBe("");
    const before = await web.store.db
      .selectFrom("decide_documents")
      .select("body_json")
      .where("id", "=", "sscl-bss-workforce")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(before.body_json).postsInScope).toBe(posts);
    await scope.fill(String(posts));
    await form.getByLabel("Zero-hours contracts declared").selectOption("no");
    await form.getByRole("button", { name: "Save workforce plan" }).click();
    await page.getByText("Workforce plan sscl-bss-workforce saved.").waitFor();
    const after = await web.store.db
      .selectFrom("decide_documents")
      .select("body_json")
      .where("id", "=", "sscl-bss-workforce")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(after.body_json).zeroHours.status).toBe("no");

    // The spreadsheet, with one bad cell, uploaded from the page: the cell is named, nothing stored.
    const upload = page.getByRole("form", { name: "Upload the workforce plan" });
    await upload.getByLabel("Filled-in workforce plan (XLSX or CSV)").setInputFiles({
      name: "plan.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Item,Posts,Location,Detail\nPosts in scope,lots,,\n"),
    });
    await upload.getByLabel("Reason (kept in the audit trail)").fill("from HR's sheet");
    await upload.getByRole("button", { name: "Upload workforce plan" }).click();
    const alert = upload.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /^plan\.csv: Workforce plan!B2 \(Posts\): expected a whole number such as 12, found "lots"/,
    );
  });

  it("shows a DMA's recommendation as its scores are typed, before saving, and saves it", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/dma/new");
    const form = page.getByRole("form", { name: "Delivery model assessment", exact: true });
    await form.waitFor();
    const service = (
      await web.store.db.selectFrom("services").select("id").limit(1).executeTakeFirstOrThrow()
    ).id;
    await form.getByLabel("Title").fill("Custody healthcare models");
    await form.getByLabel("For the service").selectOption(service);
    await form.getByLabel("Service, as the assessment names it").fill("Custody forensic healthcare");
    await form.getByLabel("Option 1: name").fill("Reformed in-house team");
    await form.getByLabel("Option 1: model").selectOption("in-house-reformed");
    await form.getByLabel("Option 2: name").fill("Outsourced provider");
    await form.getByLabel("Option 2: cost of coming back in-house").fill("£2.5m");
    await form.getByLabel("Option 2: months to come back").fill("12");
    await form.getByLabel("Option 2: assets to bring back").fill("clinical records");
    await form.getByLabel("Option 2: people").fill("TUPE back");
    await form.getByLabel("Criterion 1", { exact: true }).fill("Quality of care");
    const result = page.getByRole("region", { name: "What the assessment says" });
    // One criterion of one kind: the engine's own check says what is missing.
    await result.getByText(/no operational criteria/).waitFor();
    await form.getByRole("button", { name: "Add a criterion" }).click();
    await form.getByLabel("Criterion 2", { exact: true }).fill("Cost");
    await form.getByLabel("Reformed in-house team on Cost: score").fill("3");
    await form.getByLabel("Reformed in-house team on Cost: evidence").fill("should-cost model");
    await form.getByLabel("Outsourced provider on Cost: score").fill("3");
    await form.getByLabel("Outsourced provider on Cost: evidence").fill("bids");
    await form.getByLabel("Reformed in-house team on Quality of care: score").fill("4");
    await form.getByLabel("Reformed in-house team on Quality of care: evidence").fill("CQC rating");
    await form.getByLabel("Outsourced provider on Quality of care: score").fill("3");
    await form.getByLabel("Outsourced provider on Quality of care: evidence").fill("market engagement");
    await result.getByText("Recommended: Reformed in-house team.").waitFor();
    await form.getByLabel("Outsourced provider on Quality of care: score").fill("5");
    await result.getByText("Recommended: Outsourced provider.").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByLabel("Reason (kept in the audit trail)").fill("options workshop");
    await form.getByRole("button", { name: "Save assessment" }).click();
    await page.waitForURL(/\/dma\/custody-healthcare-models\/edit$/);
    const row = await web.store.db
      .selectFrom("decide_documents")
      .select("body_json")
      .where("id", "=", "custody-healthcare-models")
      .executeTakeFirstOrThrow();
    const doc = JSON.parse(row.body_json);
    expect(doc.options[1].returnInHouse).toEqual({
      cost: 2500000,
      timeMonths: 12,
      assets: "clinical records",
      people: "TUPE back",
    });
    expect(doc.scores).toHaveLength(4);
    // The stored assessment now offers its scoring sheet.
    await page.getByRole("form", { name: "Upload the scoring sheet" }).waitFor();
  });

  it("changes a capability self-assessment in a form, the engine's summary shown before saving", async () => {
    const page = await web.visitor();
    await web.signIn(
      page,
      "commercial",
      "demo-commercial-pass",
      "/capability/met-commercial-capability/edit",
    );
    const form = page.getByRole("form", { name: "Capability self-assessment" });
    await form.waitFor();
    await page.waitForFunction(
      () => (document.getElementById("cap-body") as HTMLInputElement | null)?.value !== "",
    );
    expect(await axeViolations(page)).toEqual([]);
    const said = page.getByRole("region", { name: "What the assessment says" });
    await form.getByLabel("People: maturity").selectOption("4");
    await form.getByLabel("People: evidence").fill("");
    await said
      .getByText(/without evidence|not shown/i)
      .first()
      .waitFor();
    await form.getByLabel("People: evidence").fill("2016 skills audit");
    await form.getByLabel("Reason (kept in the audit trail)").fill("annual review");
    await form.getByRole("button", { name: "Save self-assessment" }).click();
    await page.getByText("Capability self-assessment met-commercial-capability saved.").waitFor();
    const row = await web.store.db
      .selectFrom("decide_documents")
      .select("body_json")
      .where("id", "=", "met-commercial-capability")
      .executeTakeFirstOrThrow();
    const people = (
      JSON.parse(row.body_json).areas as { area: string; score: number; evidence: string }[]
    ).find((a) => a.area === "people");
    expect(people).toEqual({ area: "people", score: 4, evidence: "2016 skills audit" });
  });

  it("keeps a scrutineer out of both forms", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/contracts/new");
    expect(await page.getByRole("alert").innerText()).toMatch(/Only the contract side/);
    expect(await page.getByRole("form", { name: "Add a contract" }).count()).toBe(0);
  });
});
