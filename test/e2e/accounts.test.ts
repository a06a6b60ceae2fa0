/**
 * Accounts in the browser, in real Chromium against the real server and a SQLite database
 * holding the demo: an administrator adds a finance account, issues it an API token (shown
 * once), the token works as a bearer and, once revoked, is refused; a disabled account cannot
 * sign in; a scrutineer changes their own password and cannot see the Accounts page.
 *
 * Set NOUS_E2E_SHOTS=/some/dir to keep the screenshots for a look.
 */
// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the rendered text a reader sees.
import { afterAll, beforeAll, expect, it } from "vitest";
import { listAudit, verifyAudit } from "../../src/store/audit.ts";
import { describeBrowser } from "../support/browser.ts";
import { type Dashboard, startDashboard } from "./harness.ts";

describeBrowser("Accounts in the browser", () => {
  let web: Dashboard;

  beforeAll(async () => {
    web = await startDashboard("accounts");
  });

  afterAll(async () => {
    await web?.close();
  });

  const me = async (token: string) =>
    fetch(`${web.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });

  it("adds a finance account, issues a token that works, revokes it, and disables the account", async () => {
    const page = await web.visitor();
    await web.signIn(page, "admin", "demo-admin-pass", "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
    await page.getByRole("heading", { level: 1, name: "Accounts" }).waitFor();
    expect(await page.locator("tr", { hasText: "scrutineer" }).first().innerText()).toContain("Enabled");

    await page.getByText("Add an account").click();
    const add = page.getByRole("form", { name: "Add an account" });
    await add.getByLabel("Username").fill("treasury");
    await add.getByLabel("Name shown in the dashboard").fill("Treasury analyst");
    await add.getByLabel("Role").selectOption("finance");
    await add.getByLabel("Password").fill("counting-house-key-1");
    await add.getByRole("button", { name: "Add account" }).click();
    // No reason: stopped before anything is sent.
    expect(await page.locator('[data-form="add-account"] [role="alert"]').innerText()).toBe(
      "Say why you are adding this account (kept in the audit trail).",
    );
    await add.getByLabel("Reason (kept in the audit trail)").fill("new starter in treasury");
    await add.getByRole("button", { name: "Add account" }).click();
    expect(await page.locator('[data-form="add-account"] [role="status"]').innerText()).toMatch(
      /^Account treasury added\./,
    );
    const row = page.locator("tr", { hasText: "Treasury analyst" });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/treasury\s+Treasury analyst\s+finance\s+Enabled/);

    // The new account is chosen: its management panel is open.
    const manage = page.getByRole("region", { name: "Manage treasury" });
    await manage.waitFor();
    const issue = manage.getByRole("form", { name: "Issue an API token" });
    await issue.getByLabel("Token name").fill("month-end export");
    await issue.getByLabel("Reason (kept in the audit trail)").fill("reconciliation script");
    await issue.getByRole("button", { name: "Issue token" }).click();
    const secret = manage.getByRole("status", { name: "New API token" });
    await secret.waitFor();
    expect(await secret.innerText()).toContain("it is shown only this once");
    const token = await secret.locator("code[data-token]").innerText();
    expect(token).toMatch(/^nous_[A-Za-z0-9_-]{20,}$/);
    const tokenRow = manage.locator("tr", { hasText: "month-end export" });
    await tokenRow.waitFor();
    expect(await tokenRow.innerText()).not.toContain(token);
    await web.screenshot(page, "accounts-token-issued");

    const works = await me(token);
    expect(works.status).toBe(200);
    expect(await works.json()).toMatchObject({ username: "treasury", role: "finance" });

    await manage.getByLabel("Reason for revoking (kept in the audit trail)").fill("script retired");
    await tokenRow.getByRole("button", { name: /^Revoke token month-end export/ }).click();
    expect(await manage.locator('[data-form="revoke"] [role="status"]').innerText()).toBe(
      "Token “month-end export” revoked: it no longer works.",
    );
    await manage.getByText("No API tokens.").waitFor();
    const refused = await me(token);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({
      error: "unauthorized",
      message: "the API token is not valid",
    });

    const state = manage.getByRole("form", { name: "Disable the account" });
    await state.getByLabel("Reason (kept in the audit trail)").fill("left the authority");
    await state.getByRole("button", { name: "Disable account" }).click();
    expect(await manage.locator('[data-form="state"] [role="status"]').innerText()).toMatch(
      /^treasury is disabled: it cannot sign in/,
    );
    // The list reloads after the save: wait for the account's row to say so.
    await page.locator("tr", { hasText: "Treasury analyst" }).filter({ hasText: "Disabled" }).waitFor();

    // The disabled account cannot sign in.
    const visitor = await web.visitor();
    await visitor.goto(`${web.base}/login?next=%2F`);
    await visitor.getByLabel("Username").fill("treasury");
    await visitor.getByLabel("Password").fill("counting-house-key-1");
    await visitor.getByRole("button", { name: "Sign in" }).click();
    expect(await visitor.getByRole("alert").innerText()).toContain(
      "wrong username or password, or the account is disabled",
    );
    expect(new URL(visitor.url()).pathname).toBe("/login");

    const audit = await listAudit(web.store, { limit: 4 });
    expect(audit.map((e) => `${e.action} ${e.entity} ${e.entity_id}: ${e.reason}`)).toEqual([
      "disable user treasury: left the authority",
      "revoke api_token treasury:month-end export: script retired",
      "create api_token treasury:month-end export: reconciliation script",
      "create user treasury: new starter in treasury",
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain("counting-house-key-1");
    expect((await verifyAudit(web.store)).ok).toBe(true);
  });

  it("shows a locked account and lets an administrator unlock it with a reason", async () => {
    // Locked as ten failed sign-ins leave it (src/store/sign-in-throttle.ts).
    await web.store.db
      .insertInto("sign_in_throttle")
      .values({
        username: "contracts",
        failures: 10,
        last_failure_at: null,
        locked_at: new Date().toISOString(),
      })
      .execute();
    const locked = await fetch(`${web.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "contracts", password: "demo-contracts-pass" }),
    });
    expect(locked.status).toBe(423);
    const page = await web.visitor();
    await web.signIn(page, "admin", "demo-admin-pass", "/");
    await web.open(page, "/accounts?user=contracts", "Accounts");
    expect(await page.locator("tr", { hasText: "contracts" }).first().innerText()).toContain("Locked");
    const form = page.getByRole("form", { name: "Unlock the account" });
    await form.getByRole("button", { name: "Unlock account" }).click();
    expect(await page.locator('[data-form="unlock"] [role="alert"]').innerText()).toBe(
      "Say why you unlock the account (kept in the audit trail).",
    );
    await form
      .getByLabel("Reason (kept in the audit trail)")
      .fill("holder confirmed the attempts were theirs");
    await form.getByRole("button", { name: "Unlock account" }).click();
    expect(await page.locator('[data-form="unlock"] [role="status"]').innerText()).toBe(
      "contracts is unlocked: it can sign in again.",
    );
    const entry = (await listAudit(web.store, { entity: "user", limit: 1 }))[0];
    expect(entry).toMatchObject({
      action: "unlock",
      actor: "admin",
      reason: "holder confirmed the attempts were theirs",
    });
    const again = await fetch(`${web.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "contracts", password: "demo-contracts-pass" }),
    });
    expect(again.status).toBe(200);
  });

  it("lets a scrutineer change their own password, with no Accounts page", async () => {
    const page = await web.visitor();
    await web.signIn(page, "scrutineer", "demo-scrutineer-pass", "/");
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Audit trail" }).waitFor();
    expect(await nav.getByRole("link", { name: "Accounts" }).count()).toBe(0);

    await page.getByRole("link", { name: "Sam Scrutineer (Assembly)" }).click();
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    const form = page.getByRole("form", { name: "Change your password" });
    await form.getByLabel("Current password").fill("not-my-password");
    await form.getByLabel("New password", { exact: true }).fill("scrutiny-pass-2");
    await form.getByLabel("New password again").fill("scrutiny-pass-2");
    await form.getByRole("button", { name: "Change password" }).click();
    expect(await page.getByRole("alert").innerText()).toBe("the current password is not right");
    await form.getByLabel("Current password").fill("demo-scrutineer-pass");
    await form.getByRole("button", { name: "Change password" }).click();
    expect(await page.getByRole("status").filter({ hasText: "Password changed" }).innerText()).toBe(
      "Password changed. Your other browser sessions have been signed out.",
    );
    // Their own token list (none issued in the demo) is on the same page.
    await page.getByText("No API tokens.").waitFor();
    await web.screenshot(page, "account-own");

    await web.open(page, "/accounts", "Accounts");
    expect(await page.getByRole("alert").innerText()).toContain("Only an administrator manages accounts");
    expect(await page.getByRole("table").count()).toBe(0);

    const again = await web.visitor();
    await web.signIn(again, "scrutineer", "scrutiny-pass-2", "/account");
    await again.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    expect(await again.locator(".facts").innerText()).toContain("scrutineer");
  });
});
