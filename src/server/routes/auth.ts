/** Sign in and out with a password (browser session cookie), and who am I. */
import type { FastifyPluginAsync } from "fastify";
import { login, logout } from "../../store/users.ts";
import { ANYONE, SESSION_COOKIE, parseCookies, sessionCookie } from "../auth.ts";

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
        return reply
          .code(401)
          .send({ error: "unauthorized", message: "wrong username or password", details: null });
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
};
