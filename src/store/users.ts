/**
 * Accounts, browser sessions and API tokens. Passwords are hashed with scrypt and a random
 * salt; session and API tokens are random and only their SHA-256 is stored. An API token is
 * named to its holder by a short id derived one way from that hash (`tokenId`), never by the
 * secret or the hash itself.
 */
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { ConflictError, InputError, NotFoundError } from "../shared/errors.ts";
import { passwordProblem } from "../shared/password-policy.ts";
import { appendAudit } from "./audit.ts";
import type { Kysely, Transaction } from "kysely";
import type { Store } from "./db.ts";
import { isPostgres } from "./dialect.ts";
import { isUniqueViolation } from "./unique.ts";
import { ACCOUNT_ROLES, type Database, type Role, type User } from "./schema.ts";
import type { AccountInfo, ApiTokenInfo } from "../contract/accounts.ts";

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

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../shared/password-policy.ts";

/** The one rule every new password meets, wherever it is set (src/shared/password-policy.ts). */
export function checkNewPassword(password: string, username: string, path: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new InputError(problem, { location: { path } });
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
  checkNewPassword(account.password, account.username, "password");
  const role = account.role;
  const existing = await store.db
    .selectFrom("users")
    .select("id")
    .where("username", "=", account.username)
    .executeTakeFirst();
  if (existing) throw new ConflictError(`user ${account.username} already exists`);
  const password_hash = await hashPassword(account.password);
  return store.db.transaction().execute(async (trx) => {
    // The look-up above answers the common case before the slow hash; the unique key answers a
    // second request for the same name that arrived while the first was hashing.
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
      .executeTakeFirstOrThrow()
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new ConflictError(`user ${account.username} already exists`);
        throw err;
      });
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

/** Every account with its sign-in lock (`locked_at`, null when it may sign in). */
export async function listUsers(
  store: Store,
): Promise<(Omit<User, "password_hash"> & { locked_at: string | null })[]> {
  return store.db
    .selectFrom("users")
    .leftJoin("sign_in_throttle", "sign_in_throttle.username", "users.username")
    .select([
      "users.id",
      "users.username",
      "users.display_name",
      "users.role",
      "users.created_at",
      "users.disabled",
      "sign_in_throttle.locked_at",
    ])
    .orderBy("users.username")
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
  reason = "API token issued",
): Promise<string> {
  const user = await findUserByName(store, username);
  if (!user) throw new InputError(`no user named ${username}`, { status: 404, code: "not_found" });
  if (!name.trim()) throw new InputError("name the token: what it is for", { location: { path: "name" } });
  const token = `nous_${randomBytes(24).toString("base64url")}`;
  const hash = tokenHash(token);
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("api_tokens")
      .values({ token_hash: hash, user_id: user.id, name, created_at: new Date().toISOString() })
      .execute();
    await appendAudit(trx, {
      actor,
      action: "create",
      entity: "api_token",
      entityId: `${username}:${name}`,
      reason,
      data: { username, name, id: tokenId(hash) },
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

/**
 * A token's public id: 16 hex characters of a SHA-256 over its stored hash under a fixed label.
 * It names the token in lists, revocations and the audit trail; it cannot be turned back into
 * the hash, and the hash cannot be used to sign in anyway.
 */
export function tokenId(hash: string): string {
  return createHash("sha256").update(`nous-api-token-id:${hash}`).digest("hex").slice(0, 16);
}

// How an account and an API token leave the server is the contract's (src/contract/accounts.ts).
export type { AccountInfo, ApiTokenInfo };

export function accountInfo(u: Omit<User, "password_hash"> & { locked_at?: string | null }): AccountInfo {
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    createdAt: u.created_at,
    disabled: u.disabled === 1,
    locked: u.locked_at != null,
  };
}

type Db = Kysely<Database> | Transaction<Database>;

async function requireUser(db: Db, username: string, lock = false): Promise<User> {
  let q = db.selectFrom("users").selectAll().where("username", "=", username);
  if (lock && isPostgres(db)) q = q.forUpdate();
  const user = await q.executeTakeFirst();
  if (!user) throw new NotFoundError("user", username);
  return user;
}

/** The user's API tokens, oldest first. */
export async function listApiTokens(store: Store, username: string): Promise<ApiTokenInfo[]> {
  const user = await requireUser(store.db, username);
  const rows = await store.db
    .selectFrom("api_tokens")
    .select(["token_hash", "name", "created_at"])
    .where("user_id", "=", user.id)
    .orderBy("created_at")
    .orderBy("name")
    .execute();
  return rows.map((r) => ({ id: tokenId(r.token_hash), name: r.name, createdAt: r.created_at }));
}

/** Revokes one of the user's API tokens by its id; it stops working at once. */
export async function revokeApiToken(
  store: Store,
  username: string,
  id: string,
  actor: string,
  reason: string,
): Promise<ApiTokenInfo> {
  return store.db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, username);
    const rows = await trx
      .selectFrom("api_tokens")
      .select(["token_hash", "name", "created_at"])
      .where("user_id", "=", user.id)
      .execute();
    const row = rows.find((r) => tokenId(r.token_hash) === id);
    if (!row) throw new NotFoundError(`API token of ${username}`, id);
    await trx.deleteFrom("api_tokens").where("token_hash", "=", row.token_hash).execute();
    await appendAudit(trx, {
      actor,
      action: "revoke",
      entity: "api_token",
      entityId: `${username}:${row.name}`,
      reason,
      data: { username, name: row.name, id },
    });
    return { id, name: row.name, createdAt: row.created_at };
  });
}

/**
 * Ends the user's browser sessions, except the one whose token is `keep` (the caller's own,
 * when they change their own password).
 */
async function endSessions(trx: Db, userId: number, keep?: string): Promise<void> {
  let q = trx.deleteFrom("sessions").where("user_id", "=", userId);
  if (keep) q = q.where("token_hash", "!=", tokenHash(keep));
  await q.execute();
}

/**
 * An account holder changes their own password: the current one must be right. Their other
 * browser sessions end; `keepSession` (the session making the change) stays signed in.
 */
export async function changeOwnPassword(
  store: Store,
  username: string,
  currentPassword: string,
  newPassword: string,
  keepSession?: string,
): Promise<void> {
  checkNewPassword(newPassword, username, "newPassword");
  const user = await requireUser(store.db, username);
  if (user.disabled || !(await checkPassword(currentPassword, user.password_hash))) {
    throw new InputError("the current password is not right", {
      code: "wrong_password",
      location: { path: "currentPassword" },
    });
  }
  const password_hash = await hashPassword(newPassword);
  await store.db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash }).where("id", "=", user.id).execute();
    await endSessions(trx, user.id, keepSession);
    await appendAudit(trx, {
      actor: username,
      action: "change_password",
      entity: "user",
      entityId: username,
      reason: "changed their own password",
      data: { username },
    });
  });
}

/** An administrator sets a new password for an account; its browser sessions end. */
export async function resetPassword(
  store: Store,
  username: string,
  newPassword: string,
  actor: string,
  reason: string,
): Promise<void> {
  checkNewPassword(newPassword, username, "password");
  const password_hash = await hashPassword(newPassword);
  await store.db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, username, true);
    await trx.updateTable("users").set({ password_hash }).where("id", "=", user.id).execute();
    await endSessions(trx, user.id);
    await appendAudit(trx, {
      actor,
      action: "reset_password",
      entity: "user",
      entityId: username,
      reason,
      data: { username },
    });
  });
}

/**
 * Refuses a change that would leave no enabled administrator. On PostgreSQL the enabled
 * administrators' rows are locked, so two changes at once cannot each leave the other last.
 */
async function keepAnAdmin(trx: Transaction<Database>, user: User, what: string): Promise<void> {
  if (user.role !== "admin" || user.disabled) return;
  let q = trx.selectFrom("users").select("id").where("role", "=", "admin").where("disabled", "=", 0);
  if (isPostgres(trx)) q = q.forUpdate();
  const admins = await q.execute();
  if (admins.length <= 1) {
    throw new ConflictError(
      `${user.username} is the last enabled administrator: ${what} would leave nobody able to manage accounts`,
    );
  }
}

/**
 * Disables or enables an account. A disabled account cannot sign in, its sessions end and its
 * API tokens are refused at once (they work again if it is enabled). The last enabled
 * administrator cannot be disabled.
 */
export async function setAccountDisabled(
  store: Store,
  username: string,
  disabled: boolean,
  actor: string,
  reason: string,
): Promise<AccountInfo> {
  return store.db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, username, true);
    if ((user.disabled === 1) === disabled) return accountInfo(user);
    if (disabled) await keepAnAdmin(trx, user, "disabling them");
    await trx
      .updateTable("users")
      .set({ disabled: disabled ? 1 : 0 })
      .where("id", "=", user.id)
      .execute();
    if (disabled) await endSessions(trx, user.id);
    await appendAudit(trx, {
      actor,
      action: disabled ? "disable" : "enable",
      entity: "user",
      entityId: username,
      reason,
      data: { username, disabled },
    });
    return accountInfo({ ...user, disabled: disabled ? 1 : 0 });
  });
}

/** Gives an account another role; the last enabled administrator keeps theirs. */
export async function changeRole(
  store: Store,
  username: string,
  role: string,
  actor: string,
  reason: string,
): Promise<AccountInfo> {
  if (!isAccountRole(role)) {
    throw new InputError(`role must be one of ${ACCOUNT_ROLES.join(", ")}; got "${role}"`, {
      location: { path: "role" },
    });
  }
  return store.db.transaction().execute(async (trx) => {
    const user = await requireUser(trx, username, true);
    if (user.role === role) return accountInfo(user);
    if (role !== "admin") await keepAnAdmin(trx, user, `making them ${role}`);
    await trx.updateTable("users").set({ role }).where("id", "=", user.id).execute();
    await appendAudit(trx, {
      actor,
      action: "change_role",
      entity: "user",
      entityId: username,
      reason,
      data: { username, from: user.role, to: role },
    });
    return accountInfo({ ...user, role });
  });
}
