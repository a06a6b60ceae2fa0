/**
 * The Decide API over real HTTP on the demo database: results equal the engine's numbers for
 * the SSCL deal, bad documents get 400 naming the JSON path, a scrutineer may not write, and
 * the public sees only published items.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountabilityHorizon,
  assessDeliveryModels,
  horizonJson,
  parseCase,
  parseContract,
  parseDma,
  parseWorkforce,
  runCase,
  workforceSummary,
} from "../../src/decide/index.ts";
import { documents } from "../../src/demo/decide.ts";
import { elections } from "../../src/demo/scenario.ts";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

const demoDoc = (id: string) => documents.find((d) => d.id === id)!.document;

describe("Decide API", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("answers the appraisal of the demo case with the engine's numbers, seeded", async () => {
    const res = await call(
      server,
      "public",
      "GET",
      "/api/decide/appraisals/sscl-bss-appraisal/result?seed=11&iterations=5000",
    );
    expect(res.status).toBe(200);
    const expected = runCase(parseCase(demoDoc("sscl-bss-appraisal")), { seed: 11, iterations: 5000 });
    const body = res.json as { result: typeof expected };
    expect(body.result).toEqual(expected);
    expect(body.result.options.map((o) => o.id)).toEqual(["in-house", "in-house-reformed", "outsource-sscl"]);
    expect(body.result.options[2]).toMatchObject({ npv: "-243451428.88", pvSavings: "65478439.92", bcr: 0 });
    const mc = body.result.monteCarlo!.options.find((o) => o.id === "outsource-sscl")!;
    expect(mc.probabilityMeetsTarget).toBeGreaterThanOrEqual(0);
    expect(mc.cashSavings).toHaveProperty("p90");
    expect(body.result.savingsTarget).toEqual({ amount: "101400000.00", basis: "cash" });
  });

  it("uses the case's own seed by default, so the same request gives the same answer", async () => {
    const a = await call(server, "public", "GET", "/api/decide/appraisals/sscl-bss-appraisal/result");
    const b = await call(server, "public", "GET", "/api/decide/appraisals/sscl-bss-appraisal/result");
    expect(a.json).toEqual(b.json);
    expect(
      (a.json as { result: { monteCarlo: { seed: number; iterations: number } } }).result.monteCarlo,
    ).toMatchObject({
      seed: 2015,
      iterations: 100000,
    });
  });

  it("answers the contract's accountability horizon against the stored mayoral elections", async () => {
    const res = await call(server, "public", "GET", "/api/decide/contracts/sscl-bss/horizon");
    expect(res.status).toBe(200);
    const input = parseContract(demoDoc("sscl-bss-horizon"));
    const calendar = {
      body: "Mayor of London",
      dates: elections.map((e) => e.heldOn),
      termYears: 4,
      next: "first-thursday-in-may" as const,
    };
    const expected = horizonJson(accountabilityHorizon({ ...input, elections: calendar }));
    const result = (res.json as { result: typeof expected & { electionsFrom: string } }).result;
    expect(result).toEqual({ ...expected, electionsFrom: "elections table (london-mayor)" });
    expect(result.administrationsBound).toBe(3);
    expect(result.administrations.map((a) => [a.label, a.role])).toEqual([
      ["2012-2016", "deciding"],
      ["2016-2021", "bound"],
      ["2021-2024", "bound"],
      ["2024-2028", "bound"],
    ]);
    expect(result.breakPoints[0]).toMatchObject({ date: "2018-10-01", terminationCost: "15000000.00" });
    expect((await call(server, "public", "GET", "/api/decide/contracts/em-tagging/horizon")).status).toBe(
      404,
    );
  });

  it("answers the DMA and workforce with the engine's checks", async () => {
    const dma = await call(server, "scrutineer", "GET", "/api/decide/dmas/sscl-bss-dma/result");
    const expectedDma = assessDeliveryModels(parseDma(demoDoc("sscl-bss-dma")));
    expect(dma.json).toMatchObject({
      result: { recommended: expectedDma.recommended, ranking: expectedDma.ranking },
    });
    expect(expectedDma.recommended).toBe("in-house-reformed");
    const wf = await call(server, "public", "GET", "/api/decide/workforce/sscl-bss-workforce/result");
    const expectedWf = workforceSummary(parseWorkforce(demoDoc("sscl-bss-workforce")));
    expect((wf.json as { result: unknown }).result).toEqual(expectedWf);
    expect(expectedWf).toMatchObject({
      postsInScope: 715,
      transferred: 445,
      relocatedTotal: 45,
      zeroHours: { status: "not-declared" },
    });
    expect(expectedWf.findings.map((f) => f.code)).toContain("W-ZERO-HOURS");
  });

  it("answers the gate history with the engine's flags", async () => {
    const res = await call(server, "public", "GET", "/api/decide/gates?contractId=sscl-bss");
    const h = res.json as {
      outOfOrder: number;
      budgetDriven: number;
      events: Array<{ id: string; flags: string[] }>;
    };
    // One story with docs/decide/examples/met-gates.json: the same two steps out of order, three budget-driven.
    expect(h.outOfOrder).toBe(2);
    expect(h.budgetDriven).toBe(3);
    const flags = Object.fromEntries(h.events.map((e) => [e.id, e.flags]));
    expect(flags["g-bss-award"]).toEqual(["budget-driven"]);
    expect(flags["g-bss-contract"]).toEqual([]);
    expect(flags["g-bss-procurement-start"]).toEqual(["not the logical order"]);
    expect(flags["g-bss-fbc"]).toEqual(["not the logical order"]);
    // The assessment ranked reforming the service in-house first; the approval chose the joint venture.
    expect(flags["g-bss-dma"]).toContain("against its own assessment");
  });

  it("keeps a gate approval's recommended and chosen options, and flags one against its own assessment", async () => {
    const approve = (id: string, optionChosen: string) =>
      call(server, "commercial", "POST", "/api/decide/gate-events", {
        id,
        serviceId: "catering",
        gate: "pipeline",
        action: "approve",
        date: "2016-01-10",
        by: "Met Commercial Board",
        role: "commercial",
        drivers: ["service-quality"],
        assessmentRecommends: "in-house",
        optionChosen,
        why: "approval with its assessment",
      });
    expect((await approve("g-catering-with", "in-house")).status).toBe(201);
    const res = await approve("g-catering-against", "outsource");
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ assessmentRecommends: "in-house", optionChosen: "outsource" });
    const h = await call(server, "scrutineer", "GET", "/api/decide/gates?serviceId=catering");
    const events = (
      h.json as {
        events: Array<{ id: string; flags: string[]; findings: Array<{ code: string; message: string }> }>;
      }
    ).events;
    const against = events.find((e) => e.id === "g-catering-against")!;
    expect(against.flags).toContain("against its own assessment");
    expect(against.findings.find((f) => f.code === "G-AGAINST-ASSESSMENT")?.message).toMatch(
      /approved "outsource" although its own assessment recommends "in-house"/,
    );
    expect(events.find((e) => e.id === "g-catering-with")!.flags).not.toContain("against its own assessment");
  });

  it("puts the gate rules' flags on the existing decisions", async () => {
    const res = await call(server, "public", "GET", "/api/decisions?contractId=sscl-bss");
    const flags = Object.fromEntries(
      (res.json as Array<{ id: string; flags: string[] }>).map((d) => [d.id, d.flags]),
    );
    expect(flags).toMatchObject({
      "d-2015-award": ["budget-driven"],
      "d-2015-fbc": ["not the logical order"],
      "d-2015-contract": [],
      "d-2015-committee": [],
    });
    const staff = await call(server, "scrutineer", "GET", "/api/services/detention-officers");
    const det = (staff.json as { decisions: Array<{ id: string; flags: string[] }> }).decisions;
    expect(det.find((d) => d.id === "d-2016-detention-procurement")?.flags).toEqual([
      "not the logical order",
    ]);
  });

  it("answers a bad appraisal case with 400 naming the JSON path, and stores nothing", async () => {
    const res = await call(server, "finance", "PUT", "/api/decide/appraisals/catering-case", {
      title: "Catering",
      reason: "test",
      document: {
        name: "Catering",
        discounting: "green-book",
        options: [{ id: "in-house", cashflows: [{ year: 0, category: "opex", amount: "lots" }] }],
      },
    });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({
      error: "invalid_case",
      message: "$.document.options[0].cashflows[0].amount: expected a number",
      details: [{ path: "$.document.options[0].cashflows[0].amount" }],
    });
    expect((await call(server, "admin", "GET", "/api/decide/appraisals/catering-case")).status).toBe(404);
  });

  it("lets finance store a case, hides it from the public until published, and audits each step", async () => {
    const document = {
      name: "Catering",
      discounting: "green-book",
      baseline: "in-house",
      options: [
        { id: "in-house", cashflows: [{ year: 0, category: "opex", amount: -1000000 }] },
        { id: "outsource", cashflows: [{ year: 0, category: "opex", amount: -900000 }] },
      ],
    };
    const put = await call(server, "finance", "PUT", "/api/decide/appraisals/catering-case", {
      serviceId: "catering",
      title: "Catering: keep or outsource",
      reason: "first appraisal",
      document,
    });
    expect(put.status).toBe(201);
    expect(put.json).toMatchObject({ id: "catering-case", published: false, document });
    expect((await call(server, "public", "GET", "/api/decide/appraisals/catering-case/result")).status).toBe(
      404,
    );
    const staff = await call(server, "scrutineer", "GET", "/api/decide/appraisals/catering-case/result");
    expect(staff.json).toMatchObject({ result: { preferred: "outsource" } });
    const pub = await call(server, "finance", "POST", "/api/decide/appraisals/catering-case/publication", {
      published: true,
      reason: "for the committee",
    });
    expect(pub.status).toBe(200);
    expect((await call(server, "public", "GET", "/api/decide/appraisals/catering-case/result")).status).toBe(
      200,
    );
    const audit = await call(
      server,
      "admin",
      "GET",
      "/api/audit?entity=decide-appraisal&entityId=catering-case",
    );
    expect(
      (audit.json as Array<{ action: string; actor: string; reason: string }>).map((a) => [
        a.action,
        a.actor,
        a.reason,
      ]),
    ).toEqual([
      ["publish", "finance", "for the committee"],
      // The PUT is recorded as the case's first version, published (src/app/decide.ts saveDocument).
      ["publish-version", "finance", "first appraisal"],
      ["create", "finance", "first appraisal"],
    ]);
  });

  it("refuses writes to a scrutineer (403) and DMA writes to finance", async () => {
    const body = { title: "x", reason: "try", document: {} };
    expect((await call(server, "scrutineer", "PUT", "/api/decide/appraisals/x", body)).status).toBe(403);
    expect((await call(server, "scrutineer", "PUT", "/api/decide/workforce/x", body)).status).toBe(403);
    expect((await call(server, "finance", "PUT", "/api/decide/dmas/x", body)).status).toBe(403);
    expect((await call(server, "scrutineer", "POST", "/api/decide/gate-events", { why: "try" })).status).toBe(
      403,
    );
    expect((await call(server, "public", "PUT", "/api/decide/horizons/x", body)).status).toBe(401);
  });

  it("records a gate event and flags it at once", async () => {
    const res = await call(server, "commercial", "POST", "/api/decide/gate-events", {
      id: "g-catering-award",
      serviceId: "catering",
      gate: "award",
      action: "approve",
      date: "2016-03-01",
      by: "Met Commercial Board",
      role: "commercial",
      evidence: ["evaluation-report"],
      drivers: ["savings-target"],
      why: "award recorded",
    });
    expect(res.status).toBe(201);
    const h = await call(server, "scrutineer", "GET", "/api/decide/gates?serviceId=catering");
    const event = (
      h.json as { events: Array<{ id: string; flags: string[]; findings: Array<{ code: string }> }> }
    ).events.find((e) => e.id === "g-catering-award")!;
    expect(event.flags).toEqual(["not the logical order", "budget-driven"]);
    expect(event.findings.map((f) => f.code)).toContain("G-EVIDENCE");
    const bad = await call(server, "commercial", "POST", "/api/decide/gate-events", {
      id: "g-catering-bad",
      gate: "award",
      action: "approve",
      date: "2016-03-01",
      by: "x",
      role: "commercial",
      drivers: ["whim"],
      why: "test",
    });
    expect(bad.status).toBe(400);
    expect((bad.json as { message: string }).message).toMatch(/^\$\.drivers\[0\]: /);
  });

  it("shows the public a gate event only once it is published, and can withdraw it", async () => {
    const ids = async () =>
      (
        (await call(server, "public", "GET", "/api/decide/gates?serviceId=catering")).json as {
          events: Array<{ id: string }>;
        }
      ).events.map((e) => e.id);
    expect(await ids()).not.toContain("g-catering-award");
    const url = "/api/decide/gate-events/g-catering-award/publication";
    expect((await call(server, "scrutineer", "POST", url, { published: true, reason: "x" })).status).toBe(
      403,
    );
    const res = await call(server, "commercial", "POST", url, {
      published: true,
      reason: "board minutes public",
    });
    expect(res.status).toBe(200);
    expect(await ids()).toContain("g-catering-award");
    await call(server, "commercial", "POST", url, { published: false, reason: "published in error" });
    expect(await ids()).not.toContain("g-catering-award");
    const missing = await call(server, "commercial", "POST", "/api/decide/gate-events/nope/publication", {
      published: true,
      reason: "x",
    });
    expect(missing.status).toBe(404);
  });

  it("gives the whole deal to the public, and 404 for an unknown contract", async () => {
    const res = await call(server, "public", "GET", "/api/decide/deals/sscl-bss?iterations=2000");
    expect(res.status).toBe(200);
    const deal = res.json as { documents: Array<{ kind: string }>; gates: { events: unknown[] } };
    expect(deal.documents.map((d) => d.kind).sort()).toEqual([
      "appraisal",
      "capability",
      "dma",
      "horizon",
      "workforce",
    ]);
    expect(deal.gates.events).toHaveLength(11);
    expect((await call(server, "public", "GET", "/api/decide/deals/nope")).status).toBe(404);
  });
});
