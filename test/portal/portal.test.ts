/**
 * The public portal over real HTTP on the demo: pages are HTML with no script, cacheable with an
 * ETag; an unpublished contract is the same 404 as a missing one on every public route, in
 * search and in the feeds; a question holding markup is shown as text; the question form works
 * as a plain HTML form (303 back with a message) and refuses another site's post; the Atom
 * feeds are well formed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

const SECRET = {
  id: "secret-zyzzyva",
  title: "Zyzzyva confidential outsourcing",
  buyer: "MOPAC",
  supplier: "Quetzalcoatl Holdings Ltd",
};

describe("public portal", () => {
  let server: DemoServer;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(server.base + path, { headers, redirect: "manual" });
  const text = async (path: string) => {
    const res = await get(path);
    return { status: res.status, body: await res.text(), res };
  };

  beforeAll(async () => {
    server = await startDemoServer();
    const made = await call(server, "commercial", "POST", "/api/contracts", {
      ...SECRET,
      reason: "a contract not yet published",
    });
    expect(made.status).toBe(201);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("serves the home page as HTML with no script, cacheable, with an ETag that answers 304", async () => {
    const { status, body, res } = await text("/public");
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    expect(body).not.toMatch(/<script/i);
    expect(body).toContain('href="/public/contracts/sscl-bss"');
    expect(body).toContain('<a class="skip" href="#main">');
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    expect((await get("/public", { "if-none-match": etag })).status).toBe(304);
  });

  it("shows a published contract at its own address, with its notices' OCDS links and its decisions", async () => {
    const { status, body } = await text("/public/contracts/sscl-bss");
    expect(status).toBe(200);
    expect(body).toContain("<h1>");
    expect(body).toContain('href="/api/ocds/releases?ocid=ocds-nous01-mopac-sscl-2015"');
    expect(body).toContain('href="/public/decisions/d-2015-award"');
    expect(body).toContain("Accountability horizon");
    // Savings realised against claimed, and the dates ahead, as the public API gives them.
    expect(body).toContain("Realised to date");
    expect(body).toContain("£101,400,000");
    expect(body).toContain("Dates ahead");
    expect(body).not.toMatch(/<script/i);
    expect((await text("/public/services/finance")).status).toBe(200);
    expect((await text("/public/decisions/d-2015-award")).status).toBe(200);
  });

  it("answers an unpublished contract with the same 404 as a missing one, on every public route, in search and in the feeds", async () => {
    const missing = await text("/public/contracts/no-such-contract");
    expect(missing.status).toBe(404);
    const secret = await text(`/public/contracts/${SECRET.id}`);
    expect(secret.status).toBe(404);
    expect(secret.body).toBe(missing.body);
    expect(secret.res.headers.get("cache-control")).toBe("no-store");
    expect(secret.body).not.toContain("Zyzzyva");
    expect((await text(`/public/contracts/${SECRET.id}/feed.atom`)).status).toBe(404);
    expect((await text("/public/services/detention-officers")).status).toBe(404);
    expect((await text("/public/decisions/d-2015-detention-dma")).status).toBe(404);
    expect((await text("/public/no/such/page")).status).toBe(404);
    for (const path of ["/public", "/public/feed.atom"]) {
      const r = await text(path);
      expect(r.status, path).toBe(200);
      expect(r.body, path).not.toMatch(/zyzzyva|quetzalcoatl/i);
    }
    for (const q of ["zyzzyva", "quetzalcoatl", "zyzzyva confidential outsourcing"]) {
      const r = await text(`/public/search?q=${encodeURIComponent(q)}`);
      expect(r.status, q).toBe(200);
      expect(r.body, q).toContain("No published record matches");
      expect(r.body, q).not.toMatch(/secret-zyzzyva|Quetzalcoatl Holdings/);
    }
    const pub = await call(server, "public", "GET", "/api/search?q=zyzzyva");
    expect(pub.status).toBe(200);
    expect((pub.json as { results: unknown[] }).results).toEqual([]);
    const staff = await call(server, "scrutineer", "GET", "/api/search?q=zyzzyva");
    expect((staff.json as { results: { id: string }[] }).results.map((r) => r.id)).toContain(SECRET.id);
    const ask = await call(server, "public", "POST", "/api/comments", {
      subject: `contract:${SECRET.id}`,
      body: "What is this?",
    });
    expect(ask.status).toBe(400);
    expect(ask.json).toMatchObject({ error: "unknown_reference" });
  });

  it("shows a question holding <script> as text, after an administrator publishes it, with the answer and the days it took", async () => {
    const body = '<script>alert(1)</script> see <a href="https://evil.example">https://evil.example</a>';
    const asked = await call(server, "public", "POST", "/api/comments", {
      subject: "contract:sscl-bss",
      body,
      name: "<b>Ann</b>",
    });
    expect(asked.status).toBe(201);
    const { id, status } = asked.json as { id: string; status: string };
    expect(status).toBe("pending");
    expect((await text("/public/contracts/sscl-bss")).body).not.toContain("alert(1)");
    expect(
      (
        await call(server, "scrutineer", "POST", `/api/comments/${id}/moderation`, {
          decision: "publish",
          reason: "x",
        })
      ).status,
    ).toBe(403);
    const mod = await call(server, "admin", "POST", `/api/comments/${id}/moderation`, {
      decision: "publish",
      reason: "on topic",
    });
    expect(mod.status).toBe(200);
    const ans = await call(server, "contract-manager", "POST", `/api/comments/${id}/answer`, {
      answer: "The invoices are checked monthly.",
      reason: "official answer",
    });
    expect(ans.status).toBe(200);
    expect(ans.json).toMatchObject({ daysToAnswer: 0 });
    const page = (await text("/public/contracts/sscl-bss")).body;
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>");
    expect(page).not.toContain('href="https://evil.example"');
    expect(page).toContain("&lt;b&gt;Ann&lt;/b&gt;");
    expect(page).toContain("The invoices are checked monthly.");
    expect(page).toContain("the same day");
    const feed = (await text("/public/contracts/sscl-bss/feed.atom")).body;
    expect(feed).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(feed).toContain(`/public/contracts/sscl-bss#${id}`);
    const audit = await call(server, "admin", "GET", "/api/audit?entity=comment");
    expect(JSON.stringify(audit.json)).toContain(id);
  });

  it("writes an Atom feed with the elements RFC 4287 requires", async () => {
    const { status, body, res } = await text("/public/feed.atom");
    expect(status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(
      body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'),
    ).toBe(true);
    for (const el of ["<id>tag:", "<title>", "<updated>", '<link rel="self"', "<author>"])
      expect(body).toContain(el);
    const entries = body.split("<entry>").slice(1);
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) {
      expect(e).toMatch(/<id>tag:[^<]+<\/id>/);
      expect(e).toMatch(/<title type="text">[^<]+<\/title>/);
      expect(e).toMatch(/<updated>\d{4}-\d\d-\d\dT[^<]+<\/updated>/);
      expect(e).toMatch(
        /<link rel="alternate" type="text\/html" href="http:\/\/127\.0\.0\.1:\d+\/public\/[^"]*"\/>/,
      );
      expect(e).toContain('<content type="text">');
    }
  });

  it("takes a question from the plain HTML form and sends the visitor back with a message; refuses another site's post", async () => {
    const form = new URLSearchParams({
      subject: "service:finance",
      name: "",
      body: "When is the next review?",
    });
    const headers = {
      "content-type": "application/x-www-form-urlencoded",
      origin: server.base,
      "sec-fetch-site": "same-origin",
    };
    const res = await fetch(`${server.base}/public/questions`, {
      method: "POST",
      headers,
      body: form,
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/public/services/finance?asked=pending#questions");
    const back = await text("/public/services/finance?asked=pending");
    expect(back.body).toContain("will be published once a moderator has read it");
    const cross = await fetch(`${server.base}/public/questions`, {
      method: "POST",
      headers: { ...headers, origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" },
      body: form,
      redirect: "manual",
    });
    expect(cross.status).toBe(403);
    const empty = await fetch(`${server.base}/public/questions`, {
      method: "POST",
      headers,
      body: new URLSearchParams({ subject: "service:finance", body: "  " }),
      redirect: "manual",
    });
    expect(empty.headers.get("location")).toBe("/public/services/finance?asked=empty#questions");
  });

  it("publishes at once when an administrator turns moderation off (audited), and limits questions per address", async () => {
    expect(
      (await call(server, "commercial", "PUT", "/api/comments/settings", { moderation: "none", reason: "x" }))
        .status,
    ).toBe(403);
    const set = await call(server, "admin", "PUT", "/api/comments/settings", {
      moderation: "none",
      reason: "the committee asked for it",
    });
    expect(set.json).toMatchObject({ moderation: "none", changedBy: "admin" });
    const asked = await call(server, "public", "POST", "/api/comments", {
      subject: "decision:d-2015-award",
      body: "Who decided?",
    });
    expect(asked.json).toMatchObject({ status: "published" });
    expect((await text("/public/decisions/d-2015-award")).body).toContain("Who decided?");
    // Five a window per address, the API and the form counted together: four were sent above from
    // this address (one refused as its subject is unpublished still counts), so the sixth is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++)
      statuses.push(
        (await call(server, "public", "POST", "/api/comments", { subject: "service:finance", body: `q${i}` }))
          .status,
      );
    expect(statuses).toEqual([201, 429]);
    const refused = await fetch(`${server.base}/api/comments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: "service:finance", body: "again" }),
    });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: "too_many_requests" });
  });
});
