/**
 * Accounts and API tokens over real HTTP on the demo database: an administrator adds an account,
 * issues it a token (shown once), sees it listed without its secret, and revokes it; resets a
 * password, changes a role, disables and enables an account; the last administrator is kept.
 * Every account holder, the scrutineer included, changes their own password and revokes their
 * own tokens, and reaches no other account that way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

interface TokenRow {
  id: string;
  name: string;
  createdAt: string;
}

describe("accounts over the API", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function bearer(token: string, path = "/api/auth/me") {
    const res = await fetch(server.base + path, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  async function signIn(username: string, password: string) {
    const res = await fetch(`${server.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password }),
    });
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, cookie };
  }

  async function withCookie(cookie: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { cookie };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(server.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  it("adds an account, issues a token that works as a bearer, lists it without the secret, and revokes it", async () => {
    const added = await call(server, "admin", "POST", "/api/users", {
      username: "treasurer",
      displayName: "Treasury analyst",
      role: "finance",
      password: "treasury-pass-1",
      reason: "new starter in the treasury team",
    });
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({ username: "treasurer", role: "finance", disabled: false });
    const list = (await call(server, "admin", "GET", "/api/users")).json as { username: string }[];
    expect(list.map((u) => u.username)).toContain("treasurer");
    expect(JSON.stringify(list)).not.toContain("scrypt");

    const issued = await call(server, "admin", "POST", "/api/users/treasurer/tokens", {
      name: "month-end export",
      reason: "month-end reconciliation script",
    });
    expect(issued.status).toBe(201);
    const token = (issued.json as { token: string }).token;
    expect(token).toMatch(/^nous_/);
    expect(await bearer(token)).toMatchObject({
      status: 200,
      json: { username: "treasurer", role: "finance" },
    });

    const tokens = await call(server, "admin", "GET", "/api/users/treasurer/tokens");
    expect(tokens.status).toBe(200);
    const rows = tokens.json as TokenRow[];
    expect(rows.map((t) => t.name)).toEqual(["month-end export"]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const noReason = await call(server, "admin", "POST", "/api/users/treasurer/tokens/revoke", {
      id: rows[0]!.id,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.json).toMatchObject({
      error: "bad_request",
      message: "body: must have required property 'reason'",
    });
    const revoked = await call(server, "admin", "POST", "/api/users/treasurer/tokens/revoke", {
      id: rows[0]!.id,
      reason: "script moved to a service account",
    });
    expect(revoked).toMatchObject({ status: 200, json: { id: rows[0]!.id, name: "month-end export" } });
    expect(await bearer(token)).toMatchObject({ status: 401, json: { error: "unauthorized" } });
    const again = await call(server, "admin", "POST", "/api/users/treasurer/tokens/revoke", {
      id: rows[0]!.id,
      reason: "twice",
    });
    expect(again).toMatchObject({ status: 404, json: { error: "not_found" } });

    const audit = await listAudit(server.store, {
      entity: "api_token",
      entityId: "treasurer:month-end export",
    });
    expect(audit.map((e) => `${e.action} by ${e.actor}: ${e.reason}`)).toEqual([
      "revoke by admin: script moved to a service account",
      "create by admin: month-end reconciliation script",
    ]);
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("resets a password, changes a role, and disables and enables an account", async () => {
    const short = await call(server, "admin", "POST", "/api/users/treasurer/password", {
      password: "short",
      reason: "forgotten",
    });
    expect(short).toMatchObject({
      status: 400,
      json: {
        error: "bad_input",
        message: "the password must be at least 12 characters",
        details: { path: "password" },
      },
    });
    const reset = await call(server, "admin", "POST", "/api/users/treasurer/password", {
      password: "treasury-pass-2",
      reason: "forgotten",
    });
    expect(reset.status).toBe(200);
    expect((await signIn("treasurer", "treasury-pass-1")).status).toBe(401);
    const session = await signIn("treasurer", "treasury-pass-2");
    expect(session.status).toBe(200);

    const role = await call(server, "admin", "POST", "/api/users/treasurer/role", {
      role: "contract-manager",
      reason: "moved to contract management",
    });
    expect(role).toMatchObject({ status: 200, json: { username: "treasurer", role: "contract-manager" } });
    expect((await withCookie(session.cookie, "GET", "/api/auth/me")).json).toMatchObject({
      role: "contract-manager",
    });
    const badRole = await call(server, "admin", "POST", "/api/users/treasurer/role", {
      role: "public",
      reason: "x",
    });
    expect(badRole.status).toBe(400);
    expect((badRole.json as { message: string }).message).toMatch(/^body\.role: must be equal to one of/);

    const token = (
      (await call(server, "admin", "POST", "/api/users/treasurer/tokens", { name: "nightly" })).json as {
        token: string;
      }
    ).token;
    const off = await call(server, "admin", "POST", "/api/users/treasurer/disabled", {
      disabled: true,
      reason: "left the authority",
    });
    expect(off).toMatchObject({ status: 200, json: { username: "treasurer", disabled: true } });
    // At once: the session is gone (the caller is the public again), the token is refused, and
    // the password no longer signs in.
    expect((await withCookie(session.cookie, "GET", "/api/auth/me")).json).toMatchObject({ role: "public" });
    expect((await withCookie(session.cookie, "GET", "/api/auth/tokens")).status).toBe(401);
    expect((await bearer(token)).status).toBe(401);
    const refused = await signIn("treasurer", "treasury-pass-2");
    expect(refused).toMatchObject({
      status: 401,
      json: { error: "unauthorized", message: "wrong username or password, or the account is disabled" },
    });

    const on = await call(server, "admin", "POST", "/api/users/treasurer/disabled", {
      disabled: false,
      reason: "rehired",
    });
    expect(on.json).toMatchObject({ disabled: false });
    expect((await bearer(token)).status).toBe(200);
    expect((await signIn("treasurer", "treasury-pass-2")).status).toBe(200);
  });

  it("gives 409 to every request but one when several add the same name at once (the password hash leaves a gap)", async () => {
    const add = () =>
      call(server, "admin", "POST", "/api/users", {
        username: "raced",
        role: "finance",
        password: "raced-account-pass-1",
        reason: "two admins at once",
      });
    const statuses = (await Promise.all([add(), add(), add()])).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const users = await server.store.db.selectFrom("users").select("username").where("username", "=", "raced").execute();
    expect(users).toHaveLength(1);
  });

  it("keeps the last enabled administrator", async () => {
    const off = await call(server, "admin", "POST", "/api/users/admin/disabled", {
      disabled: true,
      reason: "x",
    });
    expect(off).toMatchObject({
      status: 409,
      json: {
        error: "conflict",
        message:
          "admin is the last enabled administrator: disabling them would leave nobody able to manage accounts",
      },
    });
    const demote = await call(server, "admin", "POST", "/api/users/admin/role", {
      role: "finance",
      reason: "x",
    });
    expect(demote.status).toBe(409);
    expect((await call(server, "admin", "GET", "/api/auth/me")).json).toMatchObject({ role: "admin" });
    const missing = await call(server, "admin", "POST", "/api/users/nobody/disabled", {
      disabled: true,
      reason: "x",
    });
    expect(missing).toMatchObject({
      status: 404,
      json: { error: "not_found", message: "user nobody not found" },
    });
  });

  it("lets a scrutineer change their own password and revoke their own token, and nobody else's", async () => {
    const session = await signIn("scrutineer", "demo-scrutineer-pass");
    const wrong = await withCookie(session.cookie, "POST", "/api/auth/password", {
      currentPassword: "not-it",
      newPassword: "scrutiny-pass-2",
    });
    expect(wrong).toMatchObject({
      status: 400,
      json: {
        error: "wrong_password",
        message: "the current password is not right",
        details: { path: "currentPassword" },
      },
    });
    const changed = await withCookie(session.cookie, "POST", "/api/auth/password", {
      currentPassword: "demo-scrutineer-pass",
      newPassword: "scrutiny-pass-2",
    });
    expect(changed).toMatchObject({ status: 200, json: { ok: true } });
    // The session that made the change stays signed in; the old password no longer works.
    expect((await withCookie(session.cookie, "GET", "/api/auth/me")).json).toMatchObject({
      username: "scrutineer",
    });
    expect((await signIn("scrutineer", "demo-scrutineer-pass")).status).toBe(401);
    expect((await signIn("scrutineer", "scrutiny-pass-2")).status).toBe(200);
    // Still a scrutineer: no account administration.
    expect((await withCookie(session.cookie, "GET", "/api/users")).status).toBe(403);

    const mine = await call(server, "scrutineer", "GET", "/api/auth/tokens");
    expect((mine.json as TokenRow[]).map((t) => t.name)).toEqual(["test"]);
    const adminTokens = (await call(server, "admin", "GET", "/api/auth/tokens")).json as TokenRow[];
    const notMine = await call(server, "scrutineer", "POST", "/api/auth/tokens/revoke", {
      id: adminTokens[0]!.id,
    });
    expect(notMine.status).toBe(404);
    expect((await call(server, "admin", "GET", "/api/auth/me")).status).toBe(200);

    const own = await call(server, "scrutineer", "POST", "/api/auth/tokens/revoke", {
      id: (mine.json as TokenRow[])[0]!.id,
    });
    expect(own).toMatchObject({ status: 200, json: { name: "test" } });
    expect((await call(server, "scrutineer", "GET", "/api/auth/me")).status).toBe(401);
    const audit = (await listAudit(server.store, { entity: "user", entityId: "scrutineer", limit: 1 }))[0]!;
    expect(audit).toMatchObject({ action: "change_password", actor: "scrutineer" });
    expect(audit.data_json).not.toContain("scrutiny-pass");
  });
});
