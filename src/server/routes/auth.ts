/**
 * Sign in and out with a password (browser session cookie), who am I, and what every account
 * holder may do to their own account: change their password, see and revoke their own API
 * tokens. These act only on the caller's own account, so every signed-in role may call them,
 * the scrutineer included.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { User } from "../../store/schema.ts";
import { LOCK_FAILURES, admitSignIn, signInFailed, signInSucceeded } from "../../store/sign-in-throttle.ts";
import {
  changeOwnPassword,
  findUserByName,
  listApiTokens,
  login,
  logout,
  revokeApiToken,
} from "../../store/users.ts";
import { ANYONE, SESSION_COOKIE, STAFF, parseCookies, sessionCookie } from "../auth.ts";
import { SignInLimiter } from "../sign-in-limiter.ts";
import { AUTH_BODY_LIMIT } from "../json-body.ts";
import { sendProblem } from "../problem.ts";
import { passwordSchema, tokenIdSchema } from "./users.ts";

/** The longest password a sign-in accepts: passwords set before the 256 limit could be up to 1024. */
const SIGN_IN_PASSWORD_MAX = 1024;

/** The same answer for a locked account and an unknown name locked the same way. */
function locked(reply: FastifyReply) {
  return sendProblem(
    reply,
    423,
    "account_locked",
    `this account is locked after ${LOCK_FAILURES} failed sign-ins: an administrator can unlock it (Accounts page, or nous users unlock NAME --reason TEXT)`,
  );
}

/** The signed-in caller; the STAFF role check has already refused anonymous callers. */
function self(req: FastifyRequest): User {
  if (!req.user) throw new Error("a STAFF route was reached without an account");
  return req.user;
}

export const authRoutes: FastifyPluginAsync = async (app) => {
  const addresses = new SignInLimiter();
  const tooMany = (reply: FastifyReply, seconds: number, message: string) =>
    sendProblem(reply.header("retry-after", String(seconds)), 429, "too_many_requests", message, {
      retryAfterSeconds: seconds,
    });

  app.post<{ Body: { username: string; password: string } }>(
    "/auth/login",
    {
      config: { roles: ANYONE },
      // A sign-in is two short strings: refuse anything bigger before reading it, and long
      // passwords before hashing them.
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Sign in; sets a session cookie",
        body: {
          type: "object",
          required: ["username", "password"],
          additionalProperties: false,
          properties: {
            username: { type: "string", minLength: 1, maxLength: 100 },
            password: { type: "string", minLength: 1, maxLength: SIGN_IN_PASSWORD_MAX },
          },
        },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body;
      const now = new Date();
      const fromAddress = addresses.retryAfter(req.ip, now.getTime());
      if (fromAddress > 0)
        return tooMany(
          reply,
          fromAddress,
          `too many failed sign-ins from your address: try again in ${fromAddress} seconds`,
        );
      const admission = await admitSignIn(app.store, username, now);
      if (admission.kind === "wait")
        return tooMany(
          reply,
          admission.retryAfterSeconds,
          `too many failed sign-ins for this username: try again in ${admission.retryAfterSeconds} seconds`,
        );
      if (admission.kind === "locked") return locked(reply);
      addresses.count(req.ip, now.getTime());
      const res = await login(app.store, username, password);
      if (!res) {
        const isAccount = (await findUserByName(app.store, username)) !== undefined;
        if (await signInFailed(app.store, username, new Date(), isAccount))
          return locked(reply);
        return sendProblem(reply, 401, "unauthorized", "wrong username or password, or the account is disabled");
      }
      addresses.refund(req.ip);
      await signInSucceeded(app.store, username);
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
      bodyLimit: AUTH_BODY_LIMIT,
      schema: {
        tags: ["accounts"],
        summary: "Change your own password (your other browser sessions end)",
        body: {
          type: "object",
          required: ["currentPassword", "newPassword"],
          additionalProperties: false,
          properties: {
            currentPassword: { type: "string", minLength: 1, maxLength: SIGN_IN_PASSWORD_MAX },
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
      bodyLimit: AUTH_BODY_LIMIT,
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
