/**
 * Who is calling, and may they call this route: a session cookie (browser), a bearer API token
 * (scripts), or nobody (the public). Every route declares the roles that may call it in
 * `config.roles`; a route under /api without them cannot be registered (see `requireRoles`).
 * The check is keyed on the route the router matched, never on the spelling of the URL, so
 * `/%61pi/users`, `//api/users` or any other spelling meets the same check as `/api/users`; and
 * it fails closed: a matched route that somehow carries no roles is refused to everyone.
 */
import { sendProblem } from "./problem.ts";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import type { Role, User } from "../store/schema.ts";
import { userForApiToken, userForSession } from "../store/users.ts";
import type { Store } from "../store/db.ts";
import { ANYONE } from "../contract/roles.ts";

export const SESSION_COOKIE = "nous_session";

// The role groups operations name are the contract's (src/contract/roles.ts); routes import them from here too.
export { ADMIN, ANYONE, COMMERCIAL, CONTRACT_SIDE, STAFF } from "../contract/roles.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Roles allowed to call this route. Required on every route under /api. */
    roles?: readonly Role[];
  }
  interface FastifyRequest {
    user: User | null;
    role: Role;
  }
}

export interface Caller {
  username: string;
  role: Role;
}

export function callerOf(req: FastifyRequest): Caller {
  return { username: req.user?.username ?? "public", role: req.role };
}

/** True when the caller may see unpublished records. */
export function seesUnpublished(req: FastifyRequest): boolean {
  return req.role !== "public";
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!header) return out;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    const v = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/**
 * The session cookie. `Secure` is added by the server's onSend hook when the request came over
 * TLS (directly, or through a trusted proxy), so route code never has to know.
 */
export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

/** True for a path the API owns, however it is spelled: `/api`, `/API/`, `/%61pi/x`, `//api`. */
export function isApiPath(url: string): boolean {
  let path = url.split("?")[0] ?? "";
  for (let i = 0; i < 3 && path.includes("%"); i++) {
    try {
      path = decodeURIComponent(path);
    } catch {
      break;
    }
  }
  // Resolve `.` and `..` as a client or proxy might, so `/x/../api/y` counts as the API too.
  const parts: string[] = [];
  for (const seg of path
    .replace(/[\\/]+/g, "/")
    .toLowerCase()
    .split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  const first = parts[0] ?? "";
  return first === "api" || first.startsWith("api;");
}

/** Routes a plugin registers under /api that cannot declare roles themselves (the docs UI). */
const PUBLIC_PLUGIN_PREFIXES = ["/api/docs"];

/**
 * Registration check (onRoute): every route under /api must declare at least one role, or the
 * server refuses to start, naming the route. The API docs UI's own routes are public; routes
 * outside /api (the dashboard's static files) are public too.
 */
export function requireRoles(route: RouteOptions): void {
  const roles = route.config?.roles;
  if (roles && roles.length > 0) return;
  const url = route.url ?? "";
  const isPluginDocs = PUBLIC_PLUGIN_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`));
  if (!isApiPath(url) || isPluginDocs) {
    route.config = { ...(route.config ?? {}), roles: ANYONE };
    return;
  }
  const methods = Array.isArray(route.method) ? route.method.join(",") : route.method;
  throw new Error(
    `route ${methods} ${url} declares no roles: add config: { roles: [...] } (src/server/auth.ts)`,
  );
}

async function identify(store: Store, req: FastifyRequest): Promise<User | null> {
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) {
    return (await userForApiToken(store, auth.slice(7).trim())) ?? null;
  }
  const token = parseCookies(req.headers.cookie)[SESSION_COOKIE];
  if (token) return (await userForSession(store, token)) ?? null;
  return null;
}

export function deny(reply: FastifyReply, status: 401 | 403, message: string) {
  return sendProblem(reply, status, status === 401 ? "unauthorized" : "forbidden", message);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cross-site request forgery, defence in depth behind the SameSite=Strict cookie: a write that
 * a browser sends from another site is refused. Browsers say where a request comes from in
 * `Sec-Fetch-Site` and `Origin`; a request with neither (a script, curl) is not a browser's and
 * carries no ambient credentials worth forging. Bearer-token requests are never forged this way.
 */
export function crossSiteWrite(req: FastifyRequest): string | null {
  if (SAFE_METHODS.has(req.method)) return null;
  if (req.headers.authorization?.startsWith("Bearer ")) return null;
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none")
    return `a ${site} request may not change data here; use the dashboard or an API token`;
  const origin = req.headers.origin;
  if (typeof origin === "string" && origin !== "") {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return "the request's Origin header is not a valid origin";
    }
    if (origin === "null" || host.toLowerCase() !== req.host.toLowerCase())
      return `a request from ${origin} may not change data here; use the dashboard or an API token`;
  }
  return null;
}

export function installAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest("user", null);
  app.decorateRequest("role", "public");
  app.addHook("onRoute", requireRoles);
  // Identity and the role check both run before the body is parsed or validated, so a caller
  // without the role learns nothing about what the route would accept. They are keyed on the
  // matched route: its declared roles, and its pattern (not the URL as the client spelled it).
  app.addHook("onRequest", async (req, reply) => {
    if (req.is404) return; // the not-found handler answers; nothing is served
    const roles = req.routeOptions.config?.roles;
    const pattern = req.routeOptions.url ?? "";
    if (!roles || roles.length === 0) {
      // Unreachable while requireRoles runs at registration; fail closed if it ever is not.
      req.log.error({ route: pattern }, "a route without roles was reached; refused");
      return deny(reply, 403, "this route declares no roles, so no one may call it");
    }
    if (!isApiPath(pattern)) return; // the dashboard's files are public and need no identity
    const auth = req.headers.authorization;
    const user = await identify(store, req);
    if (auth?.startsWith("Bearer ") && !user) return deny(reply, 401, "the API token is not valid");
    req.user = user;
    req.role = user ? user.role : "public";
    const forged = crossSiteWrite(req);
    if (forged) return deny(reply, 403, forged);
    if (roles.includes(req.role)) return;
    if (req.role === "public") return deny(reply, 401, "sign in to do this");
    return deny(reply, 403, `the ${req.role} role may not do this; allowed: ${roles.join(", ")}`);
  });
  // The session cookie is Secure whenever the request came over TLS (trusted proxy included).
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.protocol !== "https") return payload;
    const cookie = reply.getHeader("set-cookie");
    const add = (c: string) =>
      c.startsWith(`${SESSION_COOKIE}=`) && !/;\s*Secure/i.test(c) ? `${c}; Secure` : c;
    if (typeof cookie === "string") reply.header("set-cookie", add(cookie));
    else if (Array.isArray(cookie))
      reply.header(
        "set-cookie",
        cookie.map((c) => add(String(c))),
      );
    return payload;
  });
}
