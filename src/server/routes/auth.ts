/**
 * Sign in and out with a password (browser session cookie), who am I, and what every account
 * holder may do to their own account: change their password, see and revoke their own API
 * tokens (operations declared in src/contract/accounts.ts; what a sign-in does is in
 * src/app/accounts.ts). These act only on the caller's own account, so every signed-in role may
 * call them, the scrutineer included.
 */
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { signIn } from "../../app/accounts.ts";
import * as op from "../../contract/accounts.ts";
import type { User } from "../../store/schema.ts";
import { changeOwnPassword, listApiTokens, logout, revokeApiToken } from "../../store/users.ts";
import { SESSION_COOKIE, parseCookies, sessionCookie } from "../auth.ts";
import { addOperation } from "../operation.ts";
import { sendProblem } from "../problem.ts";
import { SignInLimiter } from "../sign-in-limiter.ts";

/** The signed-in caller; the STAFF role check has already refused anonymous callers. */
function self(req: FastifyRequest): User {
  if (!req.user) throw new Error("a STAFF route was reached without an account");
  return req.user;
}

export const authRoutes: FastifyPluginAsync = async (app) => {
  const addresses = new SignInLimiter();

  addOperation(app, op.signIn, async ({ body, req, reply }) => {
    const out = await signIn(app.store, addresses, { ...body, address: req.ip, now: new Date() });
    switch (out.kind) {
      case "wait":
        return sendProblem(reply.header("retry-after", String(out.retryAfterSeconds)), 429, "too_many_requests", out.message, {
          retryAfterSeconds: out.retryAfterSeconds,
        });
      case "locked":
        return sendProblem(reply, 423, "account_locked", out.message);
      case "refused":
        return sendProblem(reply, 401, "unauthorized", out.message);
      case "signed-in":
        reply.header("set-cookie", sessionCookie(out.token, 7 * 86400));
        return out.me;
    }
  });

  addOperation(app, op.signOut, async ({ req, reply }) => {
    const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
    if (token) await logout(app.store, token);
    reply.header("set-cookie", sessionCookie("", 0));
    return { ok: true } as const;
  });

  addOperation(app, op.getMe, ({ req }) => {
    if (!req.user) return { username: null, displayName: "Public", role: "public" } as const;
    return { username: req.user.username, displayName: req.user.display_name, role: req.user.role };
  });

  addOperation(app, op.changeOwnPassword, async ({ body, req }) => {
    await changeOwnPassword(
      app.store,
      self(req).username,
      body.currentPassword,
      body.newPassword,
      parseCookies(req.headers.cookie)[SESSION_COOKIE],
    );
    return { ok: true } as const;
  });

  addOperation(app, op.listOwnTokens, ({ req }) => listApiTokens(app.store, self(req).username));

  addOperation(app, op.revokeOwnToken, ({ body, req }) => {
    const username = self(req).username;
    return revokeApiToken(app.store, username, body.id, username, "revoked by its holder");
  });
};
