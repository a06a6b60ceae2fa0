/**
 * Signing in over HTTP against a real server on a demo database (127.0.0.1): wrong passwords
 * are throttled per username (429 with Retry-After, the right password refused too while it
 * lasts) and per address; after 10 failures the account is locked, stays locked across a
 * restart, and an administrator unlocks it; unknown names get the same answers as accounts;
 * the sign-in body is capped; an expired session is signed out; new passwords follow the rule.
 * Time is moved by writing the last failure's instant into the store, so nothing waits.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { delaySeconds } from "../../src/store/sign-in-throttle.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

let server: DemoServer;
afterEach(async () => {
  // A test may have replaced server.app with a restarted one: close that one too.
  await server?.app.close();
  await server?.close();
});

async function signIn(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  const json = (await res.json()) as { error?: string; message?: string };
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    error: json.error,
    message: json.message,
    cookie: (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
  };
}

/** Moves the name's last failure `seconds` into the past, as if that time had gone by. */
async function age(name: string, seconds: number) {
  const row = await server.store.db
    .selectFrom("sign_in_throttle")
    .select("last_failure_at")
    .where("username", "=", name)
    .executeTakeFirstOrThrow();
  const then = new Date(Date.parse(row.last_failure_at!) - seconds * 1000).toISOString();
  await server.store.db
    .updateTable("sign_in_throttle")
    .set({ last_failure_at: then })
    .where("username", "=", name)
    .execute();
}

describe("signing in", () => {
  it("answers 429 with Retry-After after 5 wrong passwords in a row, the right one included", async () => {
    server = await startDemoServer();
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await signIn(server.base, "finance", `wrong guess ${i}`));
    expect(answers.map((a) => a.status)).toEqual([
      401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429, 429,
    ]);
    expect(answers[5]).toMatchObject({ error: "too_many_requests" });
    expect(Number(answers[5]!.retryAfter)).toBeGreaterThan(25);
    expect(Number(answers[5]!.retryAfter)).toBeLessThanOrEqual(30);
    expect(answers[5]!.message).toMatch(
      /^too many failed sign-ins for this username: try again in \d+ seconds$/,
    );
    const right = await signIn(server.base, "finance", "demo-finance-pass");
    expect(right.status).toBe(429);
    // Once the wait is over the right password signs in, and the failures are forgotten.
    await age("finance", 31);
    expect((await signIn(server.base, "finance", "demo-finance-pass")).status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await signIn(server.base, "finance", "wrong again")).status).toBe(401);
  });

  it("locks the account after 10 failures: the right password is refused, a restart keeps it, an administrator unlocks it", async () => {
    server = await startDemoServer();
    const statuses: number[] = [];
    for (let f = 0; f < 10; f++) {
      if (f >= 5) await age("commercial", delaySeconds(f));
      statuses.push((await signIn(server.base, "commercial", `guess number ${f}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 401, 423]);
    const locked = await signIn(server.base, "commercial", "demo-commercial-pass");
    expect(locked).toMatchObject({
      status: 423,
      error: "account_locked",
      message:
        "this account is locked after 10 failed sign-ins: an administrator can unlock it (Accounts page, or nous users unlock NAME --reason TEXT)",
    });
    const listed = await call(server, "admin", "GET", "/api/users");
    expect(
      (listed.json as { username: string; locked: boolean }[]).find((u) => u.username === "commercial"),
    ).toMatchObject({ locked: true });

    // A restart: a new server on the same store still refuses.
    await server.app.close();
    const app = await buildServer({ store: server.store, webRoot: "/nonexistent" });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    server.app = app;
    server.base = base;
    expect((await signIn(base, "commercial", "demo-commercial-pass")).status).toBe(423);

    expect(
      (await call(server, "commercial", "POST", "/api/users/commercial/unlock", { reason: "me" })).status,
    ).toBe(403);
    const unlock = await call(server, "admin", "POST", "/api/users/commercial/unlock", {
      reason: "confirmed by phone it was a typo",
    });
    expect(unlock).toMatchObject({ status: 200, json: { username: "commercial", locked: false } });
    const entry = await server.store.db
      .selectFrom("audit_log")
      .select(["actor", "action", "entity_id", "reason"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      actor: "admin",
      action: "unlock",
      entity_id: "commercial",
      reason: "confirmed by phone it was a typo",
    });
    expect((await signIn(base, "commercial", "demo-commercial-pass")).status).toBe(200);
    const again = await call(server, "admin", "POST", "/api/users/commercial/unlock", { reason: "x" });
    expect(again).toMatchObject({ status: 409, json: { message: "commercial is not locked" } });
  });

  it("gives an unknown name the same answers as an account, in the same order", async () => {
    server = await startDemoServer();
    const seen: Record<string, unknown[]> = {};
    for (const name of ["scrutineer", "no-such-person"]) {
      // A fresh server on the same store for each name, so the per-address count starts again.
      await server.app.close();
      server.app = await buildServer({ store: server.store, webRoot: "/nonexistent" });
      server.base = await server.app.listen({ port: 0, host: "127.0.0.1" });
      seen[name] = [];
      for (let f = 0; f < 11; f++) {
        if (f >= 5) await age(name, delaySeconds(f));
        const a = await signIn(server.base, name, `guess number ${f}`);
        seen[name]!.push([a.status, a.error, a.message]);
      }
    }
    expect(seen["no-such-person"]).toEqual(seen.scrutineer);
    expect(seen.scrutineer!.at(-1)).toEqual([423, "account_locked", expect.stringContaining("is locked")]);
  });

  it("refuses an address after 20 failed sign-ins in a minute, whatever names it tries", async () => {
    server = await startDemoServer();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push((await signIn(server.base, `name-${i % 7}`, "wrong password")).status);
    expect(statuses.slice(0, 20).every((s) => s === 401 || s === 429)).toBe(true);
    const last = await signIn(server.base, "admin", "demo-admin-pass");
    expect(last.status).toBe(429);
    expect(last.message).toMatch(/^too many failed sign-ins from your address: try again in \d+ seconds$/);
    expect(Number(last.retryAfter)).toBeGreaterThan(0);
    expect(Number(last.retryAfter)).toBeLessThanOrEqual(60);
  });

  it("refuses a huge sign-in body (413) and an over-long password (400) before hashing", async () => {
    server = await startDemoServer();
    const huge = await fetch(`${server.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: "x".repeat(1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    const long = await signIn(server.base, "admin", "x".repeat(2000));
    expect(long.status).toBe(400);
    expect(long.message).toMatch(/password/);
    expect((await signIn(server.base, "admin", "demo-admin-pass")).status).toBe(200);
  });

  it("treats an expired session cookie as signed out", async () => {
    server = await startDemoServer();
    const s = await signIn(server.base, "finance", "demo-finance-pass");
    expect(s.status).toBe(200);
    const me = async () =>
      (await (await fetch(`${server.base}/api/auth/me`, { headers: { cookie: s.cookie } })).json()) as {
        role: string;
      };
    expect((await me()).role).toBe("finance");
    await server.store.db.updateTable("sessions").set({ expires_at: "2026-01-01T00:00:00.000Z" }).execute();
    expect(await me()).toMatchObject({ username: null, role: "public" });
    const staff = await fetch(`${server.base}/api/auth/tokens`, { headers: { cookie: s.cookie } });
    expect(staff.status).toBe(401);
  });

  it("refuses new passwords that are short, common, or the username with a little added, in plain words", async () => {
    server = await startDemoServer();
    const add = (username: string, password: string) =>
      call(server, "admin", "POST", "/api/users", { username, role: "finance", password, reason: "test" });
    expect(await add("treasurer", "short-one")).toMatchObject({
      status: 400,
      json: { message: "the password must be at least 12 characters" },
    });
    expect(await add("treasurer", "Password1234")).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/^the password is one of the most commonly used passwords/) },
    });
    expect(await add("treasurer", "qwertyuiop!!2024")).toMatchObject({ status: 400 });
    expect(await add("treasurer", "Treasurer2026!")).toMatchObject({
      status: 400,
      json: { message: "the password must not be the username with a few characters added" },
    });
    expect(await add("treasurer", "y".repeat(300))).toMatchObject({ status: 400 });
    expect((await add("treasurer", "ledger and cheque book")).status).toBe(201);
    const reset = await call(server, "admin", "POST", "/api/users/treasurer/password", {
      password: "iloveyou",
      reason: "x",
    });
    expect(reset).toMatchObject({
      status: 400,
      json: { message: "the password must be at least 12 characters" },
    });
    const s = await signIn(server.base, "treasurer", "ledger and cheque book");
    const own = await fetch(`${server.base}/api/auth/password`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: s.cookie, origin: server.base },
      body: JSON.stringify({ currentPassword: "ledger and cheque book", newPassword: "password123456" }),
    });
    expect(own.status).toBe(400);
    expect(((await own.json()) as { message: string }).message).toMatch(/most commonly used/);
  });
});
