/**
 * Accounts, browser sessions and API tokens. Passwords are hashed with scrypt and a random
 * salt; session and API tokens are random and only their SHA-256 is stored.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { ConflictError, InputError } from "../shared/errors.ts";
import { appendAudit } from "./audit.ts";
import type { Store } from "./db.ts";
import { ACCOUNT_ROLES, type Role, type User } from "./schema.ts";

const scrypt = promisify(scryptCb) as (
  pw: string,
  salt: Buffer,
  keylen: number,
  opts: object,
) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1 };
const SESSION_DAYS = 7;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, "base64");
  const key = await scrypt(password, Buffer.from(saltB64, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(key, expected);
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function isAccountRole(role: string): role is Exclude<Role, "public"> {
  return (ACCOUNT_ROLES as string[]).includes(role);
}

export interface NewAccount {
  username: string;
  displayName?: string;
  role: string;
  password: string;
}

export async function addUser(
  store: Store,
  account: NewAccount,
  actor: string,
  reason: string,
): Promise<User> {
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(account.username)) {
    throw new InputError("username must be 2–40 characters: lower-case letters, digits, '.', '_' or '-'", {
      location: { path: "username" },
    });
  }
  if (!isAccountRole(account.role)) {
    throw new InputError(`role must be one of ${ACCOUNT_ROLES.join(", ")}; got "${account.role}"`, {
      location: { path: "role" },
    });
  }
  if (account.password.length < 8) {
    throw new InputError("password must be at least 8 characters", { location: { path: "password" } });
  }
  const role = account.role;
  const existing = await store.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", account.username)
    .executeTakeFirst();
  if (existing) throw new ConflictError(`user ${account.username} already exists`);
  const password_hash = await hashPassword(account.password);
  return store.db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({
        username: account.username,
        display_name: account.displayName ?? account.username,
        role,
        password_hash,
        created_at: new Date().toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: "create",
      entity: "user",
      entityId: account.username,
      reason,
      data: { username: account.username, role },
    });
    return user;
  });
}

export async function findUserByName(store: Store, username: string): Promise<User | undefined> {
  return store.db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function listUsers(store: Store): Promise<Omit<User, "password_hash">[]> {
  return store.db
    .selectFrom("users")
    .select(["id", "username", "display_name", "role", "created_at", "disabled"])
    .orderBy("username")
    .execute();
}

/** Checks a password and opens a session; returns the session token (shown once). */
export async function login(
  store: Store,
  username: string,
  password: string,
): Promise<{ token: string; user: User } | null> {
  const user = await findUserByName(store, username);
  if (!user || user.disabled) {
    // Same cost as a real check, so a missing user is not revealed by timing.
    await hashPassword(password);
    return null;
  }
  if (!(await checkPassword(password, user.password_hash))) return null;
  const token = randomBytes(32).toString("base64url");
  const now = new Date();
  await store.db
    .insertInto("sessions")
    .values({
      token_hash: tokenHash(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    })
    .execute();
  return { token, user };
}

export async function logout(store: Store, token: string): Promise<void> {
  await store.db.deleteFrom("sessions").where("token_hash", "=", tokenHash(token)).execute();
}

export async function userForSession(store: Store, token: string): Promise<User | undefined> {
  const row = await store.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select("sessions.expires_at")
    .where("sessions.token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at < new Date().toISOString()) return undefined;
  const { expires_at: _e, ...user } = row;
  return user;
}

export async function createApiToken(
  store: Store,
  username: string,
  name: string,
  actor: string,
): Promise<string> {
  const user = await findUserByName(store, username);
  if (!user) throw new InputError(`no user named ${username}`, { status: 404, code: "not_found" });
  const token = `nous_${randomBytes(24).toString("base64url")}`;
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("api_tokens")
      .values({ token_hash: tokenHash(token), user_id: user.id, name, created_at: new Date().toISOString() })
      .execute();
    await appendAudit(trx, {
      actor,
      action: "create",
      entity: "api_token",
      entityId: `${username}:${name}`,
      reason: "API token issued",
      data: { username, name },
    });
  });
  return token;
}

export async function userForApiToken(store: Store, token: string): Promise<User | undefined> {
  const row = await store.db
    .selectFrom("api_tokens")
    .innerJoin("users", "users.id", "api_tokens.user_id")
    .selectAll("users")
    .where("api_tokens.token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  return row;
}
