/**
 * Sign in and out with a password (browser session cookie), who am I, and what every account
 * holder may do to their own account: change their password, see and revoke their own API
 * tokens. These act only on the caller's own account, so every signed-in role may call them,
 * the scrutineer included.
 */
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { User } from "../../store/schema.ts";
import { changeOwnPassword, listApiTokens, login, logout, revokeApiToken } from "../../store/users.ts";
import { ANYONE, SESSION_COOKIE, STAFF, parseCookies, sessionCookie } from "../auth.ts";
import { passwordSchema, tokenIdSchema } from "./users.ts";

/** The signed-in caller; the STAFF role check has already refused anonymous callers. */
function self(req: FastifyRequest): User {
  if (!req.user) throw new Error("a STAFF route was reached without an account");
  return req.user;
}

export const authRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { username: string; password: string } }>(
    "/auth/login",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["accounts"],
        summary: "Sign in; sets a session cookie",
        body: {
          type: "object",
          required: ["username", "password"],
          additionalProperties: false,
          properties: {
            username: { type: "string", minLength: 1 },
            password: { type: "string", minLength: 1 },
          },
        },
      },
    },
    async (req, reply) => {
      const res = await login(app.store, req.body.username, req.body.password);
      if (!res)
        return reply.code(401).send({
          error: "unauthorized",
          message: "wrong username or password, or the account is disabled",
          details: null,
        });
      reply.header("set-cookie", sessionCookie(res.token, 7 * 86400));
      return { username: res.user.username, displayName: res.user.display_name, role: res.user.role };
    },
  );

  app.post(
    "/auth/logout",
    { config: { roles: ANYONE }, schema: { tags: ["accounts"], summary: "Sign out" } },
    async (req, reply) => {
      const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
      if (token) await logout(app.store, token);
      reply.header("set-cookie", sessionCookie("", 0));
      return { ok: true };
    },
  );

  app.get(
    "/auth/me",
    { config: { roles: ANYONE }, schema: { tags: ["accounts"], summary: "The caller's account and role" } },
    async (req) => {
      if (!req.user) return { username: null, displayName: "Public", role: "public" };
      return { username: req.user.username, displayName: req.user.display_name, role: req.user.role };
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    "/auth/password",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["accounts"],
        summary: "Change your own password (your other browser sessions end)",
        body: {
          type: "object",
          required: ["currentPassword", "newPassword"],
          additionalProperties: false,
          properties: {
            currentPassword: { type: "string", minLength: 1, maxLength: 1024 },
            newPassword: passwordSchema,
          },
        },
      },
    },
    async (req) => {
      await changeOwnPassword(
        app.store,
        self(req).username,
        req.body.currentPassword,
        req.body.newPassword,
        parseCookies(req.headers.cookie)[SESSION_COOKIE],
      );
      return { ok: true };
    },
  );

  app.get(
    "/auth/tokens",
    {
      config: { roles: STAFF },
      schema: { tags: ["accounts"], summary: "Your own API tokens (names and dates, never the secrets)" },
    },
    async (req) => listApiTokens(app.store, self(req).username),
  );

  app.post<{ Body: { id: string } }>(
    "/auth/tokens/revoke",
    {
      config: { roles: STAFF },
      schema: {
        tags: ["accounts"],
        summary: "Revoke one of your own API tokens; it stops working at once",
        body: {
          type: "object",
          required: ["id"],
          additionalProperties: false,
          properties: { id: tokenIdSchema },
        },
      },
    },
    async (req) => {
      const username = self(req).username;
      return revokeApiToken(app.store, username, req.body.id, username, "revoked by its holder");
    },
  );
};
