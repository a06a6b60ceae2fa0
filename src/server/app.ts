/**
 * The HTTP server: the API under /api (each route module a plugin declaring its schema, roles
 * and handlers in one place), the OpenAPI document generated from those declarations, and the
 * dashboard's static files.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyHelmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { problemBody } from "../contract/problems.ts";
import { packagePath } from "../io/runtime-paths.ts";
import { InputError, printable } from "../shared/errors.ts";
import type { Store } from "../store/db.ts";
import type { Role } from "../store/schema.ts";
import { storeUnavailable } from "../store/unavailable.ts";
import { ANYONE, installAuth, isApiPath } from "./auth.ts";
import { JSON_BODY_LIMIT, parseJsonBody } from "./json-body.ts";
import { installRequestId, type LogSettings, loggingOptions } from "./logging.ts";
import { sendProblem } from "./problem.ts";
import { publicPortal } from "./public/routes.ts";
import { routeModules } from "./routes/index.ts";
import { plainCheckMessage } from "./routes/schemas.ts";

export interface RouteInfo {
  method: string;
  url: string;
  roles: readonly Role[];
}

export interface ServerOptions {
  store: Store;
  /** false or absent: silent (tests); true: JSON lines at info; or a level and a stream (src/server/logging.ts). */
  logger?: boolean | LogSettings;
  /** Folder of the built dashboard; defaults to web/dist. */
  webRoot?: string;
  /**
   * Trust X-Forwarded-* from a reverse proxy (true, or the proxy addresses as Fastify takes
   * them): the request's protocol then says whether the client used TLS, which turns on HSTS
   * and the session cookie's Secure flag. Off by default: a direct client could forge them.
   */
  trustProxy?: boolean | string;
}

declare module "fastify" {
  interface FastifyInstance {
    store: Store;
    /** Every API route with the roles it declares: the role test walks this list. */
    nousRoutes: RouteInfo[];
  }
}

export const DEFAULT_WEB_ROOT = packagePath("web/dist");

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines with request ids and secrets redacted (src/server/logging.ts).
    ...loggingOptions(opts.logger),
    // Small by default: a route that takes uploads raises its own limit (src/server/json-body.ts).
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: opts.trustProxy ?? false,
    // verbose: a failed check carries its schema, so a bounded field's error states its range.
    ajv: { customOptions: { allErrors: true, coerceTypes: "array", removeAdditional: false, verbose: true } },
    // Errors the router raises before a route is matched (an undecodable address, a path part
    // past maxParamLength) answer problem+json like every other error, and never repeat the
    // address, which may hold control characters or a megabyte of junk.
    frameworkErrors: (err, _req, res) => {
      const long = err.code === "FST_ERR_MAX_PARAM_LENGTH";
      // Typed for a route's reply schema; none applies before a route is matched.
      const reply = res as unknown as FastifyReply;
      return reply
        .code(long ? 414 : 400)
        .type("application/problem+json; charset=utf-8")
        .send(
          problemBody(
            long ? 414 : 400,
            long ? "uri_too_long" : "bad_request",
            long
              ? "a part of the address is longer than nous accepts (100 characters); no record has an id that long"
              : "the address is not valid: a %-escape in it does not decode",
            null,
            undefined,
          ),
        );
    },
  });
  app.decorate("store", opts.store);
  app.decorate("nousRoutes", [] as RouteInfo[]);

  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const roles = route.config?.roles;
    if (!roles) return;
    for (const m of methods) if (m !== "HEAD") app.nousRoutes.push({ method: m, url: route.url, roles });
  });

  app.setErrorHandler((err: FastifyError | InputError, req, reply) => {
    if (err instanceof InputError) {
      return sendProblem(
        reply,
        err.status,
        err.code,
        printable(err.message),
        err.details ?? (Object.keys(err.location).length ? err.location : null),
      );
    }
    const fe = err as FastifyError;
    if (fe.validation) {
      const first = fe.validation[0];
      const path = first ? `${fe.validationContext ?? "body"}${first.instancePath.replaceAll("/", ".")}` : "";
      return sendProblem(
        reply,
        400,
        "bad_request",
        printable(first ? plainCheckMessage(path || `${fe.validationContext}`, first) : fe.message),
        fe.validation.map((v) => ({
          path: `${fe.validationContext}${v.instancePath}`,
          message: v.message,
          params: v.params,
        })),
      );
    }
    if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      const limit = req.routeOptions.bodyLimit ?? JSON_BODY_LIMIT;
      return sendProblem(
        reply,
        413,
        "body_too_large",
        `the request body is larger than the ${limit.toLocaleString("en-GB")} bytes this route accepts`,
        { limit },
      );
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendProblem(reply, fe.statusCode, fastifyProblemCode(fe), printable(fe.message));
    }
    const outage = storeUnavailable(err);
    if (outage) {
      req.log.warn({ err }, "store unavailable");
      reply.header("retry-after", String(outage.retryAfter));
      return sendProblem(reply, 503, "store_unavailable", outage.message);
    }
    req.log.error(err);
    return sendProblem(reply, 500, "internal", "the server could not complete this request");
  });

  installRequestId(app);
  installAuth(app, opts.store);
  // JSON bodies are parsed by our own parser: it refuses nesting deeper than a stated limit with
  // the line and column, instead of a stack overflow with no location.
  // No id or query value may hold a NUL (U+0000): PostgreSQL refuses it in text (a 500), SQLite
  // would keep it. The JSON body parser refuses it in bodies; this refuses it in paths and queries.
  app.addHook("preValidation", async (req, reply) => {
    for (const [where, values] of [
      ["path", req.params],
      ["query", req.query],
    ] as const) {
      if (!values || typeof values !== "object") continue;
      for (const [name, value] of Object.entries(values as Record<string, unknown>)) {
        const texts = Array.isArray(value) ? value : [value];
        if (texts.some((t) => typeof t === "string" && t.includes("\u0000")))
          return sendProblem(
            reply,
            400,
            "bad_request",
            `${where} parameter ${printable(name)} holds a NUL character (U+0000), which no value may contain`,
            {
              path: `${where === "path" ? "params" : "querystring"}.${name}`,
            },
          );
      }
    }
  });
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });

  await app.register(fastifyHelmet, {
    // Scripts only from this server, never inline; no framing (clickjacking); no plugins.
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
    // HSTS only when the client reached us over TLS (below): sent over plain HTTP it would be
    // ignored at best, and on a machine later put behind TLS it would pin the wrong host.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onSend", async (req, reply, payload) => {
    if (req.protocol === "https")
      reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    return payload;
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "nous API",
        version: "0.1.0",
        license: { name: "Apache-2.0", url: "https://www.apache.org/licenses/LICENSE-2.0" },
        description:
          "Commercial nous for public bodies. Each operation lists the roles that may call it; operations open to the public have no security requirement. Errors are RFC 9457 problem details (application/problem+json); every code is listed at /api/problems.",
      },
      servers: [{ url: "/", description: "The server that serves this document" }],
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "API token from `nous users token`" },
          session: { type: "apiKey", in: "cookie", name: "nous_session" },
        },
      },
    },
    transform: ({ schema, url, route }) => {
      const roles = route.config?.roles;
      if (!roles || !schema) return { schema, url };
      const s = { ...schema } as Record<string, unknown>;
      const note = `Roles: ${roles.join(", ")}.`;
      s.description = s.description ? `${s.description}\n\n${note}` : note;
      return { schema: s as typeof schema, url };
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", { schema: { hide: true }, config: { roles: ANYONE } }, async () =>
    app.swagger(),
  );

  for (const mod of routeModules) await app.register(mod, { prefix: "/api" });
  // The public portal: server-rendered pages under /public, registered before the dashboard's
  // files and its fallback so no /public path is answered with the dashboard (src/server/public/).
  await app.register(publicPortal);

  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const haveWeb = existsSync(join(webRoot, "index.html"));
  if (haveWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
  }
  app.setNotFoundHandler((req, reply) => {
    // Any spelling of an API path that matched no route is a JSON 404, never the dashboard.
    if (isApiPath(req.url) || req.method !== "GET") {
      return sendProblem(
        reply,
        404,
        "not_found",
        `no route ${req.method} ${printable((req.url.split("?")[0] ?? "").slice(0, 200))}`,
      );
    }
    if (!haveWeb) {
      return reply
        .code(503)
        .type("text/plain")
        .send("The dashboard has not been built: run `npm run build:web` (npm start does it for you).");
    }
    // The dashboard routes in the browser: every other GET gets its page.
    return reply.type("text/html").sendFile("index.html");
  });
  return app;
}

/** The catalogue's code for a 4xx Fastify raises itself (an unsupported content type, an empty body). */
function fastifyProblemCode(fe: FastifyError): string {
  if (fe.statusCode === 415) return "unsupported_media_type";
  if (fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY" || fe.code === "FST_ERR_CTP_INVALID_JSON_BODY")
    return "malformed_json";
  if (fe.statusCode === 404) return "not_found";
  return "bad_request";
}

/**
 * `--trust-proxy` / NOUS_TRUST_PROXY: unset, "false" or "0" trusts no proxy; "true" or "1" trusts
 * the connecting peer (a proxy on the same machine or in front of it); otherwise a comma-separated
 * list of proxy addresses or CIDR ranges (`127.0.0.1,10.0.0.0/8`), as Fastify's trustProxy takes.
 */
export function parseTrustProxy(text: string | undefined, source = "NOUS_TRUST_PROXY"): boolean | string {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "" || t === "false" || t === "0") return false;
  if (t === "true" || t === "1") return true;
  const parts = t.split(",").map((p) => p.trim());
  for (const p of parts)
    if (!/^[0-9a-f:.]+(\/\d{1,3})?$/.test(p))
      throw new InputError(
        `${source}: expected true, false or proxy addresses such as 127.0.0.1,10.0.0.0/8, got "${printable(p)}"`,
      );
  return parts.join(",");
}
