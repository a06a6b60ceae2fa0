/**
 * Accounts and API tokens: administrators only. Each write names its reason, kept in the audit
 * trail; passwords and token secrets never are. An account holder's own password and tokens
 * are under /api/auth (routes/auth.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { ACCOUNT_ROLES } from "../../store/schema.ts";
import { unlockAccount } from "../../store/sign-in-throttle.ts";
import {
  MAX_PASSWORD_LENGTH,
  accountInfo,
  addUser,
  changeRole,
  createApiToken,
  listApiTokens,
  listUsers,
  resetPassword,
  revokeApiToken,
  setAccountDisabled,
} from "../../store/users.ts";
import { ADMIN, callerOf } from "../auth.ts";
import { reason } from "./schemas.ts";
import { AUTH_BODY_LIMIT } from "../json-body.ts";

const usernameParam = {
  type: "object",
  required: ["username"],
  properties: { username: { type: "string" } },
} as const;

/**
 * A new password: the schema caps its length before anything is hashed; the store's rule
 * (src/shared/password-policy.ts) then names what is wrong with it in plain words.
 */
export const passwordSchema = { type: "string", maxLength: MAX_PASSWORD_LENGTH } as const;


/** A token's public id (see tokenId in src/store/users.ts). */
export const tokenIdSchema = { type: "string", pattern: "^[0-9a-f]{16}$" } as const;

type UsernameParams = { Params: { username: string } };

export const userRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    "/users",
    { config: { roles: ADMIN }, schema: { tags: ["accounts"], summary: "List accounts" } },
    async () => (await listUsers(app.store)).map(accountInfo),
  );

  app.post<UsernameParams & { Body: { reason: string } }>(
    "/users/:username/unlock",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Unlock an account locked after too many failed sign-ins",
        params: usernameParam,
        body: {
          type: "object",
          required: ["reason"],
          additionalProperties: false,
          properties: { reason },
        },
      },
    },
    async (req) => {
      await unlockAccount(app.store, req.params.username, callerOf(req).username, req.body.reason);
      const u = (await listUsers(app.store)).find((x) => x.username === req.params.username);
      if (!u) throw new Error(`account ${req.params.username} vanished while being unlocked`);
      return accountInfo(u);
    },
  );

  app.post<{
    Body: { username: string; displayName?: string; role: string; password: string; reason?: string };
  }>(
    "/users",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Create an account",
        body: {
          type: "object",
          required: ["username", "role", "password"],
          additionalProperties: false,
          properties: {
            username: { type: "string" },
            displayName: { type: "string" },
            role: { type: "string", enum: ACCOUNT_ROLES },
            password: passwordSchema,
            reason,
          },
        },
      },
    },
    async (req, reply) => {
      const { reason: why, ...account } = req.body;
      const u = await addUser(
        app.store,
        account,
        callerOf(req).username,
        why?.trim() || "account created through the API",
      );
      return reply.code(201).send(accountInfo(u));
    },
  );

  app.get<UsernameParams>(
    "/users/:username/tokens",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "List an account's API tokens (names and dates, never the secrets)",
        params: usernameParam,
      },
    },
    async (req) => listApiTokens(app.store, req.params.username),
  );

  app.post<UsernameParams & { Body: { name: string; reason?: string } }>(
    "/users/:username/tokens",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Issue an API token (shown once)",
        params: usernameParam,
        body: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: { name: { type: "string", minLength: 1, maxLength: 100 }, reason },
        },
      },
    },
    async (req, reply) => {
      const token = await createApiToken(
        app.store,
        req.params.username,
        req.body.name.trim(),
        callerOf(req).username,
        req.body.reason?.trim() || "API token issued",
      );
      return reply.code(201).send({ token });
    },
  );

  app.post<UsernameParams & { Body: { id: string; reason: string } }>(
    "/users/:username/tokens/revoke",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Revoke one of an account's API tokens; it stops working at once",
        params: usernameParam,
        body: {
          type: "object",
          required: ["id", "reason"],
          additionalProperties: false,
          properties: { id: tokenIdSchema, reason },
        },
      },
    },
    async (req) =>
      revokeApiToken(app.store, req.params.username, req.body.id, callerOf(req).username, req.body.reason),
  );

  app.post<UsernameParams & { Body: { password: string; reason: string } }>(
    "/users/:username/password",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Set a new password for an account; its browser sessions end",
        params: usernameParam,
        body: {
          type: "object",
          required: ["password", "reason"],
          additionalProperties: false,
          properties: { password: passwordSchema, reason },
        },
      },
    },
    async (req) => {
      await resetPassword(
        app.store,
        req.params.username,
        req.body.password,
        callerOf(req).username,
        req.body.reason,
      );
      return { ok: true };
    },
  );

  app.post<UsernameParams & { Body: { role: string; reason: string } }>(
    "/users/:username/role",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Give an account another role (never the last enabled administrator's)",
        params: usernameParam,
        body: {
          type: "object",
          required: ["role", "reason"],
          additionalProperties: false,
          properties: { role: { type: "string", enum: ACCOUNT_ROLES }, reason },
        },
      },
    },
    async (req) =>
      changeRole(app.store, req.params.username, req.body.role, callerOf(req).username, req.body.reason),
  );

  app.post<UsernameParams & { Body: { disabled: boolean; reason: string } }>(
    "/users/:username/disabled",
    {
      config: { roles: ADMIN },
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary:
          "Disable or enable an account: a disabled one cannot sign in and its sessions and tokens stop working",
        params: usernameParam,
        body: {
          type: "object",
          required: ["disabled", "reason"],
          additionalProperties: false,
          properties: { disabled: { type: "boolean" }, reason },
        },
      },
    },
    async (req) =>
      setAccountDisabled(
        app.store,
        req.params.username,
        req.body.disabled,
        callerOf(req).username,
        req.body.reason,
      ),
  );
};
