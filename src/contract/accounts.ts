/**
 * Accounts as the API offers them: signing in and out, who am I, an account holder's own password
 * and API tokens (/auth, every signed-in role), and the administrator's accounts and tokens
 * (/users). Passwords, token secrets and their hashes never appear in an answer, except a new
 * token's secret, shown once when it is issued.
 */
import { z } from "zod";
import { MAX_PASSWORD_LENGTH } from "../shared/password-policy.ts";
import { AUTH_BODY_LIMIT, Done, reason } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { ACCOUNT_ROLES, ADMIN, ANYONE, ROLES, STAFF } from "./roles.ts";

const AccountRole = z.enum(ACCOUNT_ROLES as [(typeof ACCOUNT_ROLES)[number], ...(typeof ACCOUNT_ROLES)[number][]]);

/** The longest password a sign-in accepts: passwords set before the 256 limit could be up to 1024. */
export const SIGN_IN_PASSWORD_MAX = 1024;

/**
 * A new password: the schema caps its length before anything is hashed; the store's rule
 * (src/shared/password-policy.ts) then names what is wrong with it in plain words.
 */
const newPassword = z.string().max(MAX_PASSWORD_LENGTH);

/** A token's public id (see tokenId in src/store/users.ts). */
const tokenId = z.string().regex(/^[0-9a-f]{16}$/);

const UsernameParams = z.object({ username: z.string() });

/** The caller as the dashboard sees them: the public has no username. */
export const Me = z.object({ username: z.string().nullable(), displayName: z.string(), role: z.enum(ROLES) });
export type Me = z.infer<typeof Me>;

/** An account as the dashboard lists it: never the password hash. */
export const AccountInfo = z.object({
  username: z.string(),
  displayName: z.string(),
  role: AccountRole,
  createdAt: z.string(),
  disabled: z.boolean(),
  locked: z
    .boolean()
    .describe("Locked after too many failed sign-ins (src/store/sign-in-throttle.ts); an administrator unlocks it"),
});
export type AccountInfo = z.infer<typeof AccountInfo>;

/** An API token as its holder and administrators see it: never the secret or its hash. */
export const ApiTokenInfo = z.object({ id: z.string(), name: z.string(), createdAt: z.string() });
export type ApiTokenInfo = z.infer<typeof ApiTokenInfo>;

// ---- the caller's own account ----

export const signIn = defineOperation({
  operationId: "signIn",
  method: "POST",
  path: "/auth/login",
  summary: "Sign in; sets a session cookie",
  tags: ["accounts"],
  roles: ANYONE,
  // A sign-in is two short strings: refuse anything bigger before reading it, and long passwords
  // before hashing them.
  bodyLimit: AUTH_BODY_LIMIT,
  body: z
    .object({
      username: z.string().min(1).max(100),
      password: z.string().min(1).max(SIGN_IN_PASSWORD_MAX),
    })
    .strict(),
  errors: ["account_locked", "too_many_requests"],
  response: Me,
});

export const signOut = defineOperation({
  operationId: "signOut",
  method: "POST",
  path: "/auth/logout",
  summary: "Sign out",
  tags: ["accounts"],
  roles: ANYONE,
  response: Done,
});

export const getMe = defineOperation({
  operationId: "getMe",
  method: "GET",
  path: "/auth/me",
  summary: "The caller's account and role",
  tags: ["accounts"],
  roles: ANYONE,
  response: Me,
});

export const changeOwnPassword = defineOperation({
  operationId: "changeOwnPassword",
  method: "POST",
  path: "/auth/password",
  summary: "Change your own password (your other browser sessions end)",
  tags: ["accounts"],
  roles: STAFF,
  bodyLimit: AUTH_BODY_LIMIT,
  body: z
    .object({ currentPassword: z.string().min(1).max(SIGN_IN_PASSWORD_MAX), newPassword })
    .strict(),
  response: Done,
});

export const listOwnTokens = defineOperation({
  operationId: "listOwnTokens",
  method: "GET",
  path: "/auth/tokens",
  summary: "Your own API tokens (names and dates, never the secrets)",
  tags: ["accounts"],
  roles: STAFF,
  response: z.array(ApiTokenInfo),
});

export const revokeOwnToken = defineOperation({
  operationId: "revokeOwnToken",
  method: "POST",
  path: "/auth/tokens/revoke",
  summary: "Revoke one of your own API tokens; it stops working at once",
  tags: ["accounts"],
  roles: STAFF,
  bodyLimit: AUTH_BODY_LIMIT,
  body: z.object({ id: tokenId }).strict(),
  errors: ["not_found"],
  response: ApiTokenInfo,
});

// ---- administrators: every account ----

export const listAccounts = defineOperation({
  operationId: "listAccounts",
  method: "GET",
  path: "/users",
  summary: "List accounts",
  tags: ["accounts"],
  roles: ADMIN,
  response: z.array(AccountInfo),
});

export const createAccount = defineOperation({
  operationId: "createAccount",
  method: "POST",
  path: "/users",
  summary: "Create an account",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  body: z
    .object({
      username: z.string(),
      displayName: z.string().optional(),
      role: AccountRole,
      password: newPassword,
      reason: reason.optional(),
    })
    .strict(),
  status: 201,
  errors: ["conflict"],
  response: AccountInfo,
});

export const unlockAccount = defineOperation({
  operationId: "unlockAccount",
  method: "POST",
  path: "/users/:username/unlock",
  summary: "Unlock an account locked after too many failed sign-ins",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  params: UsernameParams,
  body: z.object({ reason }).strict(),
  response: AccountInfo,
});

export const listAccountTokens = defineOperation({
  operationId: "listAccountTokens",
  method: "GET",
  path: "/users/:username/tokens",
  summary: "List an account's API tokens (names and dates, never the secrets)",
  tags: ["accounts"],
  roles: ADMIN,
  params: UsernameParams,
  response: z.array(ApiTokenInfo),
});

export const issueAccountToken = defineOperation({
  operationId: "issueAccountToken",
  method: "POST",
  path: "/users/:username/tokens",
  summary: "Issue an API token (shown once)",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  params: UsernameParams,
  body: z.object({ name: z.string().min(1).max(100), reason: reason.optional() }).strict(),
  status: 201,
  response: z.object({ token: z.string().describe("The secret, shown this once") }),
});

export const revokeAccountToken = defineOperation({
  operationId: "revokeAccountToken",
  method: "POST",
  path: "/users/:username/tokens/revoke",
  summary: "Revoke one of an account's API tokens; it stops working at once",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  params: UsernameParams,
  body: z.object({ id: tokenId, reason }).strict(),
  response: ApiTokenInfo,
});

export const resetAccountPassword = defineOperation({
  operationId: "resetAccountPassword",
  method: "POST",
  path: "/users/:username/password",
  summary: "Set a new password for an account; its browser sessions end",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  params: UsernameParams,
  body: z.object({ password: newPassword, reason }).strict(),
  response: Done,
});

export const changeAccountRole = defineOperation({
  operationId: "changeAccountRole",
  method: "POST",
  path: "/users/:username/role",
  summary: "Give an account another role (never the last enabled administrator's)",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  params: UsernameParams,
  body: z.object({ role: AccountRole, reason }).strict(),
  errors: ["conflict"],
  response: AccountInfo,
});

export const setAccountDisabled = defineOperation({
  operationId: "setAccountDisabled",
  method: "POST",
  path: "/users/:username/disabled",
  summary: "Disable or enable an account: a disabled one cannot sign in and its sessions and tokens stop working",
  tags: ["accounts"],
  roles: ADMIN,
  bodyLimit: AUTH_BODY_LIMIT,
  params: UsernameParams,
  body: z.object({ disabled: z.boolean(), reason }).strict(),
  errors: ["conflict"],
  response: AccountInfo,
});
