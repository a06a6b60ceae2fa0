/**
 * Who is calling: a session cookie (browser), a bearer API token (scripts), or nobody (the
 * public). Every route declares the roles that may call it in `config.roles`; the check runs
 * before any handler, so no route can forget it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Role, User } from "../store/schema.ts";
import { userForApiToken, userForSession } from "../store/users.ts";
import type { Store } from "../store/db.ts";

export const SESSION_COOKIE = "nous_session";

/** Everyone, including anonymous visitors (who see only published data). */
export const ANYONE: readonly Role[] = [
  "admin",
  "commercial",
  "contract-manager",
  "finance",
  "scrutineer",
  "public",
];
/** Every signed-in account. */
export const STAFF: readonly Role[] = ["admin", "commercial", "contract-manager", "finance", "scrutineer"];
export const ADMIN: readonly Role[] = ["admin"];
/** Buyer side: builds the pipeline, takes the gates. */
export const COMMERCIAL: readonly Role[] = ["admin", "commercial"];
/** Those who manage live contracts and check invoices. */
export const CONTRACT_SIDE: readonly Role[] = ["admin", "commercial", "contract-manager"];

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

export function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
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

function deny(reply: FastifyReply, status: 401 | 403, message: string) {
  return reply
    .code(status)
    .send({ error: status === 401 ? "unauthorized" : "forbidden", message, details: null });
}

export function installAuth(app: FastifyInstance, store: Store): void {
  app.decorateRequest("user", null);
  app.decorateRequest("role", "public");
  // Identity and the role check both run before the body is parsed or validated, so a caller
  // without the role learns nothing about what the route would accept.
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/api/")) return;
    const auth = req.headers.authorization;
    const user = await identify(store, req);
    if (auth?.startsWith("Bearer ") && !user) return deny(reply, 401, "the API token is not valid");
    req.user = user;
    req.role = user ? user.role : "public";
    const roles = req.routeOptions.config?.roles;
    if (!roles || roles.includes(req.role)) return;
    if (req.role === "public") return deny(reply, 401, "sign in to do this");
    return deny(reply, 403, `the ${req.role} role may not do this; allowed: ${roles.join(", ")}`);
  });
}
