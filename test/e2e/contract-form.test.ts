/**
 * The contract form in real Chromium against the real server and a SQLite demo store: a contract
 * manager adds a contract, follows its page's link to the form, enters two owners, an option, a
 * break point and a payment mechanism, sees the engine's verdict in plain words as they type
 * (shares adding up to 110%, payment terms over the 30 days the Procurement Act allows), is
 * refused on saving with what was typed kept and nothing stored, corrects it, saves, and the
 * contract page shows what was recorded; the store holds it, audited. Saving is all or nothing:
 * when the server refuses one section the form says nothing was saved, and on reload the base
 * fields are as they were.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { axeViolations, type Dashboard, startDashboard } from "./harness.ts";

const SUPPLIER = "Example Language Services Ltd";

describeBrowser("the contract form in the browser", () => {
  let web: Dashboard;
  beforeAll(async () => {
    web = await startDashboard("contract-form");
  });
  afterAll(async () => {
    await web?.close();
  });

  it("records owners, an option, a break point and a payment mechanism, refusing 110% first", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/new");
    const add = page.getByRole("form", { name: "Add a contract" });
    await add.getByLabel("Title").fill("Court interpreting");
    await add.getByLabel("Buyer").fill("HM Courts and Tribunals Service");
    await add.getByLabel("Supplier").fill(SUPPLIER);
    await add.getByLabel("Value").fill("48,000,000");
    await add.getByLabel("Starts on").fill("2026-04-01");
    await add.getByLabel("Ends on", { exact: true }).fill("2029-03-31");
    await add.getByLabel("Reason (kept in the audit trail)").fill("let after the market test");
    await add.getByRole("button", { name: "Add contract" }).click();
    await page.waitForURL(/\/contracts\/court-interpreting$/);

    await page.getByRole("link", { name: /^Change the owners, term/ }).click();
    await page.waitForURL(/\/contracts\/court-interpreting\/edit$/);
    const form = page.getByRole("form", { name: "Contract record" });
    await form.waitFor();
    // The base fields as recorded, to correct: an end before the start is refused as typed.
    const parties = form.getByRole("group", { name: "Parties and base fields" });
    expect(await parties.getByLabel("Supplier", { exact: true }).inputValue()).toBe(SUPPLIER);
    expect(await parties.getByLabel("Value", { exact: true }).inputValue()).toBe("48,000,000");
    await parties.getByLabel("Ends on", { exact: true }).fill("2025-01-01");
    await expect
      .poll(() => page.locator("#edit-parties-verdict").innerText())
      .toBe("The end date is before the start date.");
    await parties.getByLabel("Ends on", { exact: true }).fill("2029-03-31");
    await parties.getByLabel("Value", { exact: true }).fill("£52m");

    // Two owners whose shares add up to 110%: the ownership rule says so as it is typed.
    await form.getByRole("button", { name: "Add an owner" }).click();
    await form.getByLabel("Owner 1: name").fill("Lingua Group plc");
    await form.getByLabel("Owner 1: share").fill("75%");
    await form.getByRole("button", { name: "Add an owner" }).click();
    await form.getByLabel("Owner 2: name").fill("Founders LLP");
    await form.getByLabel("Owner 2: share").fill("35");
    const owners = page.locator("#edit-owners-verdict");
    await expect
      .poll(() => owners.innerText())
      .toBe("Owners: on the first day recorded the shares add up to 110%, more than 100%.");

    // The term: an option of two years and a break point after the first year.
    await form.getByLabel("Initial term ends").fill("2029-03-31");
    await form.getByLabel("Months to decide what follows").fill("9");
    await form.getByRole("button", { name: "Add an option" }).click();
    expect(await form.getByLabel("Option 1: extends from").inputValue()).toBe("2029-03-31");
    await form.getByLabel("Option 1: new end").fill("2031-03-31");
    await form.getByLabel("Option 1: notice (months)").fill("6");
    await form.getByRole("button", { name: "Add a break point" }).click();
    await form.getByLabel("Break point 1: date").fill("2027-03-31");
    await form.getByLabel("Break point 1: notice (months)").fill("3");
    await form.getByLabel("Break point 1: note").fill("break after the first year");

    // The payment mechanism, with payment terms the law does not allow at first.
    await form.getByLabel("Pricing basis").selectOption("target-cost");
    await form.getByLabel("Supplier's share of an overrun (pain)").fill("50%");
    await form.getByLabel("Supplier's share of an underrun (gain)").fill("50%");
    await form.getByLabel("Payment terms (days)").fill("60");
    await form.getByLabel("Indexation").selectOption("cpi");
    await form.getByLabel("Indexation next applied on").fill("2027-04-01");
    await form.getByLabel("Service credit cap").fill("15%");
    const payment = page.locator("#edit-payment-verdict");
    await expect.poll(() => payment.innerText()).toContain("Procurement Act 2023 (s.68)");
    await form.getByLabel("Payment terms (days)").fill("30");
    await expect.poll(() => payment.innerText()).toBe("Nothing to correct.");

    // The result, by the engines the server uses, before anything is saved.
    const result = form.getByRole("list", { name: "Result before saving" });
    const said = await result.innerText();
    expect(said).toContain("Runs to 31 Mar 2029; could run to 31 Mar 2031 with every option not declined.");
    expect(said).toContain("Court interpreting: last day to give notice to break on 2027-03-31");
    expect(said).toContain("last day to decide on extension option option-1 (to 2031-03-31)");
    expect(said).toContain("Target cost with a pain/gain share, invoiced monthly, paid within 30 days.");
    expect(said).toContain("Base fields changed: value.");
    expect(await axeViolations(page)).toEqual([]);
    await web.screenshot(page, "contract-form-refused-shares");

    // Saving is refused in plain words, what was typed kept, nothing stored.
    await form.getByLabel("Reason (kept in the audit trail)").fill("from the signed contract");
    await form.getByRole("button", { name: "Save contract record" }).click();
    expect(await page.locator("#edit-error").innerText()).toBe(
      "Owners: on the first day recorded the shares add up to 110%, more than 100%.",
    );
    expect(await form.getByLabel("Owner 2: share").inputValue()).toBe("35");
    expect(await form.getByLabel("Break point 1: note").inputValue()).toBe("break after the first year");
    const stored = () =>
      web.store.db.selectFrom("supplier_owners").selectAll().where("supplier", "=", SUPPLIER).execute();
    expect(await stored()).toEqual([]);

    await form.getByLabel("Owner 2: share").fill("25%");
    await expect.poll(() => owners.innerText()).toBe("Nothing to correct.");
    expect(await result.innerText()).toContain("Owners today: Lingua Group plc 75%, Founders LLP 25%");
    await form.getByRole("button", { name: "Save contract record" }).click();
    await page.waitForURL(/\/contracts\/court-interpreting$/);

    // The contract page shows what was recorded.
    const dates = page.getByTestId("contract-dates");
    await dates.getByTestId("owners").waitFor();
    const ownersText = await dates.getByTestId("owners").innerText();
    expect(ownersText).toContain("Lingua Group plc 75%");
    expect(ownersText).toContain("Founders LLP 25%");
    const datesText = await dates.innerText();
    expect(datesText).toContain("31 Mar 2029 to 31 Mar 2031: pending, 6 months' notice.");
    expect(datesText).toContain("31 Mar 2027, 3 months' notice. break after the first year");
    const pay = page.getByTestId("contract-payment");
    await pay.getByText("Target cost with a pain/gain share").waitFor();
    const payText = await pay.innerText();
    expect(payText).toContain("30 days");
    expect(payText).toContain("CPI, next applied 1 Apr 2027");
    expect(payText).toContain("15% of the monthly charge");

    expect(
      await web.store.db
        .selectFrom("contracts")
        .select(["value_pence", "end_date"])
        .where("id", "=", "court-interpreting")
        .executeTakeFirst(),
    ).toEqual({ value_pence: 5_200_000_000, end_date: "2029-03-31" });
    expect((await stored()).map((r) => [r.owner, r.share_bp]).sort()).toEqual([
      ["Founders LLP", 2500],
      ["Lingua Group plc", 7500],
    ]);
    expect(
      await web.store.db
        .selectFrom("contract_payment_mechanisms")
        .select(["pricing_basis", "pain_share_bp", "payment_terms_days", "service_credit_cap_bp"])
        .where("contract_id", "=", "court-interpreting")
        .executeTakeFirst(),
    ).toEqual({
      pricing_basis: "target-cost",
      pain_share_bp: 5000,
      payment_terms_days: 30,
      service_credit_cap_bp: 1500,
    });
    const audit = await web.store.db
      .selectFrom("audit_log")
      .select(["entity", "reason"])
      .where("entity_id", "in", ["court-interpreting", SUPPLIER])
      .execute();
    expect(audit.map((a) => a.entity).sort()).toEqual(
      // Added, then its value corrected in the form; owners, term and payment mechanism recorded.
      ["contract", "contract", "contract_payment_mechanisms", "contract_term", "supplier_owners"].sort(),
    );
    expect((await verifyAudit(web.store)).ok).toBe(true);
  });

  it("keeps what was typed when the server refuses the save, showing its message", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/em-tagging/edit");
    const form = page.getByRole("form", { name: "Contract record" });
    await form.waitFor();
    await form.getByLabel("Pricing basis").selectOption("unit-rates");
    await form.getByLabel("Service credit cap").fill("12.5%");
    await form.getByLabel("Reason (kept in the audit trail)").fill("from schedule 7");
    // The session ends elsewhere (signed out on another device): the server refuses the write.
    const user = await web.store.db
      .selectFrom("users")
      .select("id")
      .where("username", "=", "contracts")
      .executeTakeFirstOrThrow();
    await web.store.db.deleteFrom("sessions").where("user_id", "=", user.id).execute();
    await form.getByRole("button", { name: "Save contract record" }).click();
    const error = page.locator("#edit-error");
    await error.waitFor();
    expect(await error.innerText()).toMatch(/^Nothing was saved\. .*sign in/i);
    expect(await form.getByLabel("Service credit cap").inputValue()).toBe("12.5%");
    expect(await form.getByLabel("Pricing basis").inputValue()).toBe("unit-rates");
    expect(
      await web.store.db
        .selectFrom("contract_payment_mechanisms")
        .selectAll()
        .where("contract_id", "=", "em-tagging")
        .execute(),
    ).toEqual([]);
  });

  it("saves all or nothing: a section the server refuses leaves the base fields as they were", async () => {
    const page = await web.visitor();
    await web.signIn(page, "contracts", "demo-contracts-pass", "/contracts/em-tagging/edit");
    const form = page.getByRole("form", { name: "Contract record" });
    await form.waitFor();
    const parties = form.getByRole("group", { name: "Parties and base fields" });
    const value = parties.getByLabel("Value", { exact: true });
    const storedValue = await value.inputValue();
    await value.fill("£50m");
    await form.getByLabel("Pricing basis").selectOption("unit-rates");
    await form.getByLabel("Indexation").selectOption("cpi");
    await form.getByLabel("Indexation next applied on").fill("2024-04-01");
    await expect.poll(() => page.locator("#edit-payment-verdict").innerText()).toBe("Nothing to correct.");
    await form.getByLabel("Reason (kept in the audit trail)").fill("from the signed contract");
    // Meanwhile someone else records a later start: the review date the form allowed is now
    // before it, so the server refuses the payment mechanism after the base fields passed.
    await web.store.db
      .updateTable("contracts")
      .set({ start_date: "2025-01-01" })
      .where("id", "=", "em-tagging")
      .execute();
    await form.getByRole("button", { name: "Save contract record" }).click();
    const error = page.locator("#edit-error");
    await error.waitFor();
    const said = await error.innerText();
    expect(said).toMatch(/^Nothing was saved\. Payment mechanism: /);
    expect(said).toContain("before the contract starts (2025-01-01)");
    expect(await value.inputValue()).toBe("£50m");
    expect(await form.getByLabel("Indexation next applied on").inputValue()).toBe("2024-04-01");

    // On reload the base fields are as stored before the save, and no mechanism was recorded.
    await page.reload();
    await form.waitFor();
    expect(await parties.getByLabel("Value", { exact: true }).inputValue()).toBe(storedValue);
    expect(
      await web.store.db
        .selectFrom("contracts")
        .select("value_pence")
        .where("id", "=", "em-tagging")
        .executeTakeFirstOrThrow(),
    ).toEqual({ value_pence: 4_800_000_000 });
    expect(
      await web.store.db
        .selectFrom("contract_payment_mechanisms")
        .selectAll()
        .where("contract_id", "=", "em-tagging")
        .execute(),
    ).toEqual([]);
  });

  it("shows a scrutineer the payment mechanism but no link to the form, and refuses the form", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/contracts/court-interpreting");
    await page.getByTestId("contract-payment").getByText("Target cost with a pain/gain share").waitFor();
    expect(await page.getByRole("link", { name: /^Change the owners, term/ }).count()).toBe(0);
    await page.goto(`${web.base}/contracts/court-interpreting/edit`);
    expect(await page.getByRole("alert").innerText()).toContain("Only the contract side");
    expect(await page.getByRole("form", { name: "Contract record" }).count()).toBe(0);
  });
});
