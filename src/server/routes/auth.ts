/**
 * Sign in and out with a password (browser session cookie), who am I, and what every account
 * holder may do to their own account: change their password, see and revoke their own API
 * tokens (operations declared in src/contract/accounts.ts). These act only on the caller's own
 * account, so every signed-in role may call them, the scrutineer included.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import * as op from "../../contract/accounts.ts";
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
import { SESSION_COOKIE, parseCookies, sessionCookie } from "../auth.ts";
import { addOperation } from "../operation.ts";
import { sendProblem } from "../problem.ts";
import { SignInLimiter } from "../sign-in-limiter.ts";

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

  addOperation(app, op.signIn, async ({ body, req, reply }) => {
    const { username, password } = body;
    const now = new Date();
    const fromAddress = addresses.retryAfter(req.ip, now.getTime());
    if (fromAddress > 0)
      return tooMany(reply, fromAddress, `too many failed sign-ins from your address: try again in ${fromAddress} seconds`);
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
      if (await signInFailed(app.store, username, new Date(), isAccount)) return locked(reply);
      return sendProblem(reply, 401, "unauthorized", "wrong username or password, or the account is disabled");
    }
    addresses.refund(req.ip);
    await signInSucceeded(app.store, username);
    reply.header("set-cookie", sessionCookie(res.token, 7 * 86400));
    return { username: res.user.username, displayName: res.user.display_name, role: res.user.role };
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
