/**
 * Over the real HTTP server: the document PUT (the JSON form) records a published version with
 * its author, reason and time in the same audited write, so the versions list misses nothing;
 * and two versions of a delivery model assessment compare with what changed and what it did to
 * the weighted scores, the recommended model and the engine's findings.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

const dma = (sharedOnCost: number, controlWeight = 3) => ({
  service: "Payroll",
  options: [
    { id: "in-house", type: "in-house", name: "Keep in house" },
    {
      id: "shared",
      type: "shared-service",
      name: "Shared service",
      returnInHouse: { cost: 1_500_000, timeMonths: 18, assets: "payroll data export", people: "TUPE back" },
    },
  ],
  criteria: [
    { id: "control", name: "Control", kind: "strategic", weight: controlWeight },
    { id: "cost", name: "Whole-life cost", kind: "operational", weight: 1 },
  ],
  scores: [
    { option: "in-house", criterion: "control", score: 4, evidence: "board paper 12" },
    { option: "in-house", criterion: "cost", score: 2, evidence: "should-cost model" },
    { option: "shared", criterion: "control", score: 2, evidence: "market notes" },
    { option: "shared", criterion: "cost", score: sharedOnCost, evidence: "should-cost model" },
  ],
});

describe("the document PUT records a version; DMA versions compare", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const doc = "/api/decide/dmas/payroll-dma";
  const versions = `${doc}/versions`;
  const body = (document: unknown, reason: string) => ({
    title: "Payroll DMA",
    serviceId: "catering",
    document,
    reason,
  });

  it("records each PUT as the next version, published, with its author, reason and content", async () => {
    const draft = await call(server, "commercial", "POST", versions, body(dma(5), "first draft"));
    expect(draft.json).toMatchObject({ version: 1, status: "draft" });

    const put = await call(server, "commercial", "PUT", doc, body(dma(4), "scores after the market day"));
    expect(put.status).toBe(201);
    const list = (await call(server, "commercial", "GET", versions)).json as Array<{
      version: number;
      status: string;
      author: string;
      note: string;
      createdAt: string;
      publishedAt: string | null;
      document: unknown;
    }>;
    expect(list.map((v) => [v.version, v.status, v.author, v.note])).toEqual([
      [1, "draft", "commercial", "first draft"],
      [2, "published", "commercial", "scores after the market day"],
    ]);
    expect(list[1]!.document).toEqual(dma(4));
    expect(list[1]!.publishedAt).toBe(list[1]!.createdAt);
    // The version and the stored document were written at the same moment.
    const stored = (await call(server, "commercial", "GET", doc)).json as {
      updatedAt: string;
      document: unknown;
    };
    expect(stored).toMatchObject({ updatedAt: list[1]!.createdAt, document: dma(4) });

    // A refused PUT stores no version.
    const bad = await call(server, "commercial", "PUT", doc, body({ ...dma(4), options: [] }, "x"));
    expect(bad.status).toBe(400);
    expect(((await call(server, "commercial", "GET", versions)).json as unknown[]).length).toBe(2);

    const audit = await server.store.db
      .selectFrom("audit_log")
      .select(["action", "reason"])
      .where("entity", "=", "decide-dma")
      .where("entity_id", "=", "payroll-dma")
      .orderBy("seq")
      .execute();
    expect(audit).toEqual([
      { action: "draft", reason: "first draft" },
      { action: "create", reason: "scores after the market day" },
      { action: "publish-version", reason: "scores after the market day" },
    ]);
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });

  it("compares two DMA versions: the changed weight and score, the weighted scores and the recommendation", async () => {
    // Version 3: control weighs 1, not 3; shared scores 4 on cost (as version 2).
    await call(server, "commercial", "PUT", doc, body(dma(4, 1), "control reweighted by the board"));
    const r = await call(server, "commercial", "GET", `${doc}/comparison?from=2&to=3`);
    expect(r.status).toBe(200);
    const c = r.json as {
      changes: unknown[];
      weighted: unknown[];
      recommended: unknown;
      findings: { raised: Array<{ code: string }>; cleared: unknown[] };
    };
    expect(c.changes).toEqual([{ where: 'Criterion "Control": weight', before: "3", after: "1" }]);
    // in-house (3x4 + 2)/4 = 3.5 then (4 + 2)/2 = 3; shared (3x2 + 4)/4 = 2.5 then (2 + 4)/2 = 3.
    expect(c.weighted).toEqual([
      { option: "in-house", before: 3.5, after: 3, change: -0.5 },
      { option: "shared", before: 2.5, after: 3, change: 0.5 },
    ]);
    expect(c.recommended).toEqual({ before: "in-house", after: null, changed: true });
    expect(c.findings.raised.map((f) => f.code)).toEqual(["DMA-TIE"]);

    expect((await call(server, "public", "GET", `${doc}/comparison?from=2&to=3`)).status).toBe(401);
    expect((await call(server, "commercial", "GET", `${doc}/comparison?from=2&to=9`)).status).toBe(404);
  });

  it("keeps and lists the versions of a payment profile as of every other kind: a draft, then its publication", async () => {
    const profile = (amount: number) => ({
      contract: "Electronic monitoring",
      decisionDate: "2023-06-01",
      annual: Array.from({ length: 10 }, (_, i) => ({ start: `${2023 + i}-07-01`, amount })),
    });
    const horizon = "/api/decide/horizons/em-profile";
    const pb = (document: unknown, reason: string) => ({ title: "EM payment profile", document, reason });
    const draft = await call(
      server,
      "commercial",
      "POST",
      `${horizon}/versions`,
      pb(profile(4_000_000), "draft"),
    );
    expect(draft.status).toBe(201);
    expect(draft.json).toMatchObject({ kind: "horizon", version: 1, status: "draft" });
    // A draft is not the stored document: nothing reads it until it is published.
    expect((await call(server, "commercial", "GET", horizon)).status).toBe(404);
    const bad = await call(server, "commercial", "POST", `${horizon}/versions`, pb({ contract: "x" }, "bad"));
    expect(bad.status).toBe(400);
    const published = await call(server, "commercial", "POST", `${horizon}/versions/1/publication`, {
      reason: "agreed at the board",
    });
    expect(published.status).toBe(200);
    expect((await call(server, "commercial", "GET", horizon)).json).toMatchObject({
      document: profile(4_000_000),
    });
    const list = (await call(server, "commercial", "GET", `${horizon}/versions`)).json as Array<{
      version: number;
      status: string;
    }>;
    expect(list.map((v) => [v.version, v.status])).toEqual([[1, "published"]]);
    for (const segment of ["workforce", "capability"]) {
      const r = await call(server, "commercial", "GET", `/api/decide/${segment}/none-such/versions`);
      expect(r.status, segment).toBe(200);
      expect(r.json, segment).toEqual([]);
    }
    expect(
      (await call(server, "scrutineer", "POST", `${horizon}/versions`, pb(profile(1), "x"))).status,
    ).toBe(403);
  });
});
