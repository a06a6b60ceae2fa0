/**
 * Recording decisions from the dashboard, in real Chromium against the real server and a SQLite
 * database holding the demo: a commercial lead uploads a document the engine refuses (the page
 * shows the server's message with its JSON path and nothing is stored), then a good appraisal
 * case for a service, opens it and publishes it; records a gate step out of the logical order on
 * a deal page and sees the flag in the gate history. A scrutineer sees the same pages, no form.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, repo, startDashboard } from "./harness.ts";

const simpleCase = readFileSync(join(repo, "docs/decide/examples/simple-case.json"), "utf8");

describeBrowser("Recording decisions in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("decide-forms");
  });

  afterAll(async () => {
    await web?.close();
  });

  const auditOf = (entity: string, entityId: string) =>
    web.store.db
      .selectFrom("audit_log")
      .select(["actor", "action", "reason"])
      .where("entity", "=", entity)
      .where("entity_id", "=", entityId)
      .orderBy("seq")
      .execute();

  it("refuses a bad document with its JSON path, stores a good appraisal case for a service, opens and publishes it", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/appraisals");
    await page.getByText("Add or replace a decision document").click();
    const form = page.getByRole("form", { name: "Add or replace a decision document" });
    await form.waitFor();
    expect(await form.getByLabel("Kind").locator("option").allInnerTexts()).toEqual([
      "Appraisal case",
      "Delivery model assessment (DMA)",
      "Workforce impact",
      "Commercial capability self-assessment",
      "Payment profile and break points",
    ]);
    expect(await form.locator("#decide-doc-json-hint").innerText()).toContain(
      "schema/decide/case.schema.json",
    );

    // A cash flow whose amount is not a number: the engine refuses it, the page says where.
    const bad = JSON.parse(simpleCase) as { options: Array<{ cashflows: Array<{ amount: unknown }> }> };
    bad.options[1]!.cashflows[2]!.amount = "lots";
    await form.getByLabel("Id", { exact: true }).fill("catering-case");
    await form.getByLabel("Title").fill("Catering: keep or outsource");
    await form.getByLabel("Service").selectOption("catering");
    await form.getByLabel("Document (JSON)").fill(JSON.stringify(bad, null, 2));
    await form.getByLabel("Reason (kept in the audit trail)").fill("case for the January committee");
    await form.getByRole("button", { name: "Store the document" }).click();
    const alert = page.locator("#decide-doc-error");
    await alert.waitFor();
    expect(await alert.innerText()).toBe("$.document.options[1].cashflows[2].amount: expected a number");
    const none = await web.store.db
      .selectFrom("decide_documents")
      .select("id")
      .where("id", "=", "catering-case")
      .execute();
    expect(none).toEqual([]);
    expect(await auditOf("decide-appraisal", "catering-case")).toEqual([]);

    // The good file, chosen as a file: it is read into the box and stored.
    await form.getByLabel("JSON file").setInputFiles({
      name: "simple-case.json",
      mimeType: "application/json",
      buffer: Buffer.from(simpleCase),
    });
    await page.getByTestId("decide-doc-file-name").waitFor();
    expect(await form.getByLabel("Document (JSON)").inputValue()).toBe(simpleCase);
    await form.getByRole("button", { name: "Store the document" }).click();
    const status = page.locator('[data-form="decide-document"] [role="status"]');
    await status.waitFor();
    expect(await status.innerText()).toBe("Appraisal case catering-case stored (not published).");
    expect(await page.locator("#decide-doc-error").count()).toBe(0);

    const stored = await web.store.db
      .selectFrom("decide_documents")
      .select(["kind", "service_id", "contract_id", "title", "published", "body_json"])
      .where("id", "=", "catering-case")
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      kind: "appraisal",
      service_id: "catering",
      contract_id: null,
      title: "Catering: keep or outsource",
      published: 0,
    });
    expect(JSON.parse(stored[0]!.body_json)).toEqual(JSON.parse(simpleCase));

    // It appears in the list and opens as a case.
    const row = page.locator("tr", { hasText: "Catering: keep or outsource" });
    await row.waitFor();
    expect(await row.innerText()).toContain("catering");
    expect(await row.innerText()).toContain("Unpublished");
    await web.screenshot(page, "decide-forms-list");
    await row.getByRole("link", { name: "Catering: keep or outsource" }).click();
    await page.getByRole("heading", { level: 1, name: /Appraisal: Catering: keep or outsource/ }).waitFor();
    const options = await page.getByRole("table", { name: /Options: present values/ }).innerText();
    // The Green Book's worked example: about £247k at 3.5%.
    expect(options).toMatch(/£24[67],\d{3}/);

    // Publish it, with a reason.
    await page.getByText("Publish or withdraw the documents").click();
    const publish = page.getByRole("form", { name: "Publish Catering: keep or outsource" });
    await publish.getByLabel("Reason (kept in the audit trail)").fill("agreed for publication");
    await publish.getByRole("button", { name: "Publish" }).click();
    await page.getByRole("form", { name: "Withdraw Catering: keep or outsource" }).waitFor();
    expect(await page.locator("h1").innerText()).not.toContain("Unpublished");
    const after = await web.store.db
      .selectFrom("decide_documents")
      .select("published")
      .where("id", "=", "catering-case")
      .executeTakeFirstOrThrow();
    expect(after.published).toBe(1);
    await web.screenshot(page, "decide-forms-case");

    expect(await auditOf("decide-appraisal", "catering-case")).toEqual([
      { actor: "commercial", action: "create", reason: "case for the January committee" },
      // The PUT is recorded as the case's first version, published (src/app/decide.ts saveDocument).
      { actor: "commercial", action: "publish-version", reason: "case for the January committee" },
      { actor: "commercial", action: "publish", reason: "agreed for publication" },
    ]);
    expect((await verifyAudit(web.store)).ok).toBe(true);
  });

  it("records a gate step out of the logical order and shows the flag in the gate history", async () => {
    const page = await web.visitor();
    await web.signIn(page, "commercial", "demo-commercial-pass", "/appraisals/em-tagging");
    await page.getByRole("heading", { level: 1, name: /Appraisal: Electronic monitoring/ }).waitFor();
    expect(await page.getByTestId("gate-history").count()).toBe(0);
    await page.getByText("Record a gate step").click();
    const form = page.getByRole("form", { name: "Record a gate step" });
    const gates = await form.getByLabel("Gate").locator("option").allInnerTexts();
    expect(gates[0]).toBe("1. Pipeline");
    expect(gates[5]).toBe("6. Procurement");
    expect(gates).toHaveLength(11);

    await form.getByLabel("Gate").selectOption("procurement");
    await form.getByLabel("Action").selectOption("start");
    await form.getByLabel("Date").fill("2026-11-20");
    await form.getByLabel("By (name)").fill("Colin Commercial");
    await form.getByLabel("Role").selectOption("commercial");
    await form.getByLabel("Evidence (one per line)").fill("procurement-strategy\ntender-documents");
    await form.getByLabel("savings target").check();
    expect(await form.locator('[data-preview="order"]').innerText()).toContain(
      "Not the logical order: Pipeline, Market assessment",
    );
    await form.getByLabel("Reason (kept in the audit trail)").fill("tender launched early");
    // Out of order with no reason: stopped before anything is sent.
    await form.getByRole("button", { name: "Record the step" }).click();
    expect(await page.locator("#gate-step-error").innerText()).toMatch(
      /^Not the logical order: Pipeline, .* are not approved yet\. Give the reason/,
    );
    const count = async () =>
      (
        await web.store.db
          .selectFrom("decide_gate_events")
          .select("id")
          .where("contract_id", "=", "em-tagging")
          .execute()
      ).length;
    expect(await count()).toBe(0);

    await form
      .getByLabel("Reason for taking the step out of order")
      .fill("the incumbent contract ends in March; the market assessment runs alongside");
    await form.getByRole("button", { name: "Record the step" }).click();
    expect(await page.locator('[data-form="gate-step"] [role="status"]').innerText()).toBe(
      "Procurement started on 20 Nov 2026: recorded in the gate history.",
    );
    const history = page.getByTestId("gate-history");
    await history.waitFor();
    const event = history.locator("[data-gate-event='em-tagging-procurement-start-2026-11-20']");
    const text = await event.innerText();
    expect(text).toMatch(/procurement\s+started/i);
    expect(text).toContain("not the logical order");
    expect(text).toContain("Reason recorded: the incumbent contract ends in March");
    expect(text).toContain("drivers: savings target");
    expect(await page.getByRole("region", { name: "Gate history" }).innerText()).toContain(
      "1 step not in the logical order",
    );
    await web.screenshot(page, "decide-forms-gate");

    const rows = await web.store.db
      .selectFrom("decide_gate_events")
      .selectAll()
      .where("contract_id", "=", "em-tagging")
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: "em-tagging-procurement-start-2026-11-20",
      gate: "procurement",
      action: "start",
      date: "2026-11-20",
      by_name: "Colin Commercial",
      role: "commercial",
      reason: "the incumbent contract ends in March; the market assessment runs alongside",
    });
    expect(JSON.parse(rows[0]!.evidence_json)).toEqual(["procurement-strategy", "tender-documents"]);
    expect(JSON.parse(rows[0]!.drivers_json)).toEqual(["savings-target"]);
    expect(await auditOf("decide-gate-event", "em-tagging-procurement-start-2026-11-20")).toEqual([
      { actor: "commercial", action: "create", reason: "tender launched early" },
    ]);
    expect((await verifyAudit(web.store)).ok).toBe(true);
  });

  it("shows a scrutineer the appraisals and the deal but no form", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/appraisals");
    await page.locator("caption", { hasText: "Appraisal cases" }).waitFor();
    expect(await page.getByRole("form").count()).toBe(0);
    expect(await page.getByText("Add or replace a decision document").count()).toBe(0);
    await web.open(page, "/appraisals/sscl-bss", "Appraisal: Business support services");
    await page.getByTestId("gate-history").waitFor();
    expect(await page.getByText("Record a gate step").count()).toBe(0);
    expect(await page.getByText("Publish or withdraw the documents").count()).toBe(0);
    expect(await page.getByRole("form").count()).toBe(0);
  });

  it("offers finance the appraisal case only, and no gate form", async () => {
    const page = await web.visitor();
    await web.signIn(page, "finance", "demo-finance-pass", "/appraisals");
    await page.getByText("Add or replace a decision document").click();
    const form = page.getByRole("form", { name: "Add or replace a decision document" });
    expect(await form.getByLabel("Kind").locator("option").allInnerTexts()).toEqual(["Appraisal case"]);
    await web.open(page, "/appraisals/sscl-bss", "Appraisal: Business support services");
    await page.getByTestId("gate-history").waitFor();
    expect(await page.getByText("Record a gate step").count()).toBe(0);
    // Finance may publish the appraisal case, not the other documents of the deal.
    await page.getByText("Publish or withdraw the documents").click();
    expect(
      await page
        .locator("[data-publish]")
        .evaluateAll((els) => els.map((e) => e.getAttribute("data-publish"))),
    ).toEqual(["appraisal:sscl-bss-appraisal"]);
    await web.screenshot(page, "decide-forms-finance-deal");
  });
});
