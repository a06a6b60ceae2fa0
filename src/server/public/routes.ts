/**
 * The public portal at /public: server-rendered HTML with no script, readable without signing
 * in, the same for everyone (a signed-in member of staff sees what the public sees). Pages are
 * cacheable for a minute (Cache-Control: public, max-age=60) with an ETag; a record that is
 * missing and one that is not published get the same 404 page, never cached. The question form posts here as
 * an ordinary HTML form (application/x-www-form-urlencoded, parsed only inside this plugin) and
 * is answered with 303 See Other back to the record's page with a message.
 *
 * Forgery: these routes are outside /api, so the API's session and CSRF check does not run on
 * them, and they never read a session: nothing here acts with anyone's rights. The form's POST
 * still refuses a request a browser says came from another site (the same test as the API's,
 * src/server/auth.ts crossSiteWrite), so no other site can post questions in a visitor's name.
 */
import { createHash } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { askQuestion } from "../../app/comments.ts";
import { portalContract, portalDecision, portalFeed, portalHome, portalService } from "../../app/portal.ts";
import { search } from "../../app/search.ts";
import { COMMENT_MAX, NAME_MAX } from "../../contract/comments.ts";
import { todayInLondon } from "../../shared/dates.ts";
import { InputError, NotFoundError } from "../../shared/errors.ts";
import { crossSiteWrite } from "../auth.ts";
import { atomFeed } from "./feed.ts";
import { html, type SafeHtml } from "./html.ts";
import { notFoundPage, page } from "./layout.ts";
import { contractPage, decisionPage, homePage, searchPage, servicePage } from "./pages.ts";
import { ASKED_MESSAGES } from "./questions.ts";
import { questionLimiter } from "./rate-limit.ts";
import { PORTAL_CSS } from "./style.ts";

const CACHE = "public, max-age=60";
/** Pages, not API operations: left out of the OpenAPI document. */
const HIDDEN = { schema: { hide: true } } as const;
const FORM_LIMIT = 16 * 1024;

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** Sends a cacheable answer with its ETag, or 304 when the client already holds it. */
function send(req: FastifyRequest, reply: FastifyReply, status: number, type: string, body: string) {
  const etag = etagOf(body);
  // Only a page that exists is cached: a 404 is answered afresh each time, so a record published
  // a moment after someone looked for it is there on their next look, not a minute later.
  reply.header("cache-control", status === 200 ? CACHE : "no-store").header("etag", etag).header("vary", "accept-encoding");
  const inm = req.headers["if-none-match"];
  if (
    status === 200 &&
    typeof inm === "string" &&
    inm.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)
  )
    return reply.code(304).send();
  return reply.code(status).type(type).send(body);
}

const sendPage = (req: FastifyRequest, reply: FastifyReply, body: SafeHtml, status = 200) =>
  send(req, reply, status, "text/html; charset=utf-8", body.toString());

const notFound = (req: FastifyRequest, reply: FastifyReply) => sendPage(req, reply, notFoundPage(), 404);

/** The page's message code, only when it is one the page knows (nothing from the URL is echoed). */
function askedOf(query: unknown): string | undefined {
  const a = (query as { asked?: unknown } | undefined)?.asked;
  return typeof a === "string" && a in ASKED_MESSAGES ? a : undefined;
}

const PATHS: Record<string, string> = { contract: "contracts", service: "services", decision: "decisions" };

export const publicPortal: FastifyPluginAsync = async (app) => {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: FORM_LIMIT },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))),
  );

  /** Runs `render`; a NotFoundError (missing or unpublished) is the 404 page. */
  const guard =
    (render: (req: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        return await render(req, reply);
      } catch (e) {
        if (e instanceof NotFoundError) return notFound(req, reply);
        throw e;
      }
    };
  const id = (req: FastifyRequest) => (req.params as { id: string }).id;

  for (const path of ["/public", "/public/"])
    app.get(
      path,
      HIDDEN,
      guard(async (req, reply) => sendPage(req, reply, homePage(await portalHome(app.store)))),
    );

  app.get("/public/portal.css", HIDDEN, async (req, reply) =>
    send(req, reply, 200, "text/css; charset=utf-8", PORTAL_CSS),
  );

  app.get(
    "/public/contracts/:id",
    HIDDEN,
    guard(async (req, reply) =>
      sendPage(
        req,
        reply,
        contractPage(await portalContract(app.store, id(req), todayInLondon()), askedOf(req.query)),
      ),
    ),
  );
  app.get(
    "/public/services/:id",
    HIDDEN,
    guard(async (req, reply) =>
      sendPage(req, reply, servicePage(await portalService(app.store, id(req)), askedOf(req.query))),
    ),
  );
  app.get(
    "/public/decisions/:id",
    HIDDEN,
    guard(async (req, reply) =>
      sendPage(req, reply, decisionPage(await portalDecision(app.store, id(req)), askedOf(req.query))),
    ),
  );

  app.get(
    "/public/search",
    HIDDEN,
    guard(async (req, reply) => {
      const q = (req.query as { q?: unknown }).q;
      const text = typeof q === "string" ? q.slice(0, 200) : "";
      const answer = text.trim() ? await search(app.store, text, { publishedOnly: true, limit: 50 }) : null;
      return sendPage(req, reply, searchPage(answer));
    }),
  );

  const feed = (
    req: FastifyRequest,
    reply: FastifyReply,
    title: string,
    selfPath: string,
    pagePath: string,
    entries: Awaited<ReturnType<typeof portalFeed>>,
  ) =>
    send(
      req,
      reply,
      200,
      "application/atom+xml; charset=utf-8",
      atomFeed(
        {
          origin: `${req.protocol}://${req.host}`,
          authority: req.hostname,
          title,
          selfPath,
          pagePath,
          emptyUpdated: "2026-01-01T00:00:00.000Z",
        },
        entries,
      ),
    );

  app.get(
    "/public/feed.atom",
    HIDDEN,
    guard(async (req, reply) =>
      feed(
        req,
        reply,
        "nous: publications, questions and answers",
        "/public/feed.atom",
        "/public",
        await portalFeed(app.store),
      ),
    ),
  );
  app.get(
    "/public/contracts/:id/feed.atom",
    HIDDEN,
    guard(async (req, reply) => {
      const entries = await portalFeed(app.store, id(req));
      const c = encodeURIComponent(id(req));
      return feed(
        req,
        reply,
        `nous: contract ${id(req)}`,
        `/public/contracts/${c}/feed.atom`,
        `/public/contracts/${c}`,
        entries,
      );
    }),
  );

  app.post(
    "/public/questions",
    HIDDEN,
    guard(async (req, reply) => {
      const refuse = (status: number, title: string, text: string) =>
        reply
          .code(status)
          .header("cache-control", "no-store")
          .type("text/html; charset=utf-8")
          .send(
            page({
              title,
              body: html`<h1>${title}</h1><p>${text}</p><p><a href="/public">Go to the portal's home page</a></p>`,
            }).toString(),
          );
      const forged = crossSiteWrite(req);
      if (forged)
        return refuse(
          403,
          "Question not accepted",
          "This form only accepts questions sent from this portal's own pages.",
        );
      const form = (req.body ?? {}) as Record<string, unknown>;
      const subject = typeof form.subject === "string" ? form.subject : "";
      const m = /^(contract|service|decision):([a-z0-9][a-z0-9-]{0,62})$/.exec(subject);
      if (!m) return notFound(req, reply);
      const back = `/public/${PATHS[m[1] as string]}/${encodeURIComponent(m[2] as string)}`;
      const go = (code: string) =>
        reply.code(303).header("cache-control", "no-store").redirect(`${back}?asked=${code}#questions`, 303);
      const body = typeof form.body === "string" ? form.body : "";
      const name = typeof form.name === "string" ? form.name : "";
      if (!body.trim()) return go("empty");
      if (body.length > COMMENT_MAX) return go("too-long");
      if (name.length > NAME_MAX) return go("name-too-long");
      if (questionLimiter(app.store).take(req.ip, Date.now()) > 0) return go("too-many");
      try {
        const out = await askQuestion(app.store, { subject, body, name }, new Date());
        return go(out.status);
      } catch (e) {
        if (e instanceof InputError && e.code === "unknown_reference") return notFound(req, reply);
        throw e;
      }
    }),
  );

  // Anything else under /public is the portal's 404, never the dashboard.
  app.get("/public/*", HIDDEN, notFound);
};
