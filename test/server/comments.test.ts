/**
 * Questions and comments over the API: the limits on length, who sees what (the public only
 * published questions on published records; staff every question with the moderation reason),
 * who may moderate, answer and change the setting, and every such write in the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMENT_MAX, NAME_MAX } from "../../src/contract/comments.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

interface C {
  id: string;
  status: string;
  moderationReason: string | null;
  answer: string | null;
}
const list = (json: unknown) => (json as { comments: C[] }).comments;

describe("comments API", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("refuses a question that is too long, a name that is too long, an unknown subject kind or extra fields", async () => {
    const at = (body: unknown) => call(server, "public", "POST", "/api/comments", body);
    const long = await at({ subject: "contract:sscl-bss", body: "x".repeat(COMMENT_MAX + 1) });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.json)).toContain("body");
    expect(
      (await at({ subject: "contract:sscl-bss", body: "ok", name: "n".repeat(NAME_MAX + 1) })).status,
    ).toBe(400);
    expect((await at({ subject: "wave:mt-2013", body: "ok" })).status).toBe(400);
    expect((await at({ subject: "contract:sscl-bss", body: "ok", status: "published" })).status).toBe(400);
    const blank = await at({ subject: "contract:sscl-bss", body: " \n\t " });
    expect(blank.status).toBe(400);
    expect(blank.json).toMatchObject({ message: "the question is empty" });
  });

  it("shows the public only published questions; staff see all, with the reason for a rejection", async () => {
    const a = await call(server, "public", "POST", "/api/comments", {
      subject: "service:finance",
      body: "First?",
    });
    const b = await call(server, "public", "POST", "/api/comments", {
      subject: "service:finance",
      body: "Second?",
    });
    const [ida, idb] = [(a.json as C).id, (b.json as C).id];
    expect(
      (
        await call(server, "admin", "POST", `/api/comments/${ida}/moderation`, {
          decision: "publish",
          reason: "fine",
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call(server, "admin", "POST", `/api/comments/${idb}/moderation`, {
          decision: "reject",
          reason: "off topic",
        })
      ).status,
    ).toBe(200);
    const pub = list((await call(server, "public", "GET", "/api/comments?subject=service:finance")).json);
    expect(pub.map((c) => c.id)).toEqual([ida]);
    expect(pub[0]?.moderationReason).toBeNull();
    const staff = list(
      (await call(server, "scrutineer", "GET", "/api/comments?subject=service:finance")).json,
    );
    expect(staff.map((c) => [c.id, c.status, c.moderationReason])).toEqual([
      [ida, "published", "fine"],
      [idb, "rejected", "off topic"],
    ]);
    const pending = list((await call(server, "finance", "GET", "/api/comments?status=rejected")).json);
    expect(pending.map((c) => c.id)).toEqual([idb]);
  });

  it("lets staff of the body answer but not the scrutineer; moderation and the setting are the administrator's", async () => {
    const q = await call(server, "public", "POST", "/api/comments", {
      subject: "contract:em-tagging",
      body: "Is it renewed?",
    });
    const id = (q.json as C).id;
    const body = { answer: "No: it ended.", reason: "official answer" };
    expect((await call(server, "scrutineer", "POST", `/api/comments/${id}/answer`, body)).status).toBe(403);
    expect((await call(server, "public", "POST", `/api/comments/${id}/answer`, body)).status).toBe(401);
    expect((await call(server, "finance", "POST", `/api/comments/${id}/answer`, body)).json).toMatchObject({
      answer: "No: it ended.",
    });
    expect(
      (
        await call(server, "commercial", "POST", `/api/comments/${id}/moderation`, {
          decision: "publish",
          reason: "x",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(server, "admin", "POST", "/api/comments/q-missing/moderation", {
          decision: "publish",
          reason: "x",
        })
      ).status,
    ).toBe(404);
    expect((await call(server, "admin", "POST", "/api/comments/q-missing/answer", body)).status).toBe(404);
    expect((await call(server, "public", "GET", "/api/comments/settings")).status).toBe(401);
    expect((await call(server, "scrutineer", "GET", "/api/comments/settings")).json).toMatchObject({
      moderation: "before-publication",
    });
  });

  it("keeps every question, moderation, answer and setting in an unbroken audit chain", async () => {
    const audit = (await call(server, "admin", "GET", "/api/audit?entity=comment")).json;
    const text = JSON.stringify(audit);
    for (const action of ["create", "publish", "reject", "answer"])
      expect(text).toContain(`"action":"${action}"`);
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });
});
