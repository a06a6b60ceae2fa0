/**
 * Drafts and versions over the real HTTP server: a draft stores a version and nothing the rest of
 * nous reads; a refused case stores nothing; two versions compare with the changed cost and the
 * NPV change; publishing makes the version the stored, public document; every step is audited;
 * the preview computes without storing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

const tenYears = (amount: number, category = "opex") =>
  Array.from({ length: 11 }, (_, year) => ({ year, category, amount }));

const draftCase = () => ({
  name: "Facilities management",
  discounting: "green-book",
  baseline: "in-house",
  options: [
    { id: "in-house", name: "Keep in house", cashflows: tenYears(-2_000_000) },
    { id: "outsource", name: "Outsource", cashflows: tenYears(-1_800_000, "opex") },
    { id: "shared", name: "Shared service", cashflows: tenYears(-1_900_000) },
  ],
  savingsTarget: { amount: 1_000_000, basis: "cash" },
  inputs: [{ id: "price", distribution: { type: "triangular", min: 0.9, mode: 1, max: 1.2 } }],
  monteCarlo: { iterations: 2000, seed: 7 },
});

describe("drafts and versions of an appraisal case", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const path = "/api/decide/appraisals/fm-case/versions";
  const body = (document: unknown, reason = "first draft") => ({
    title: "FM: keep or outsource",
    serviceId: "catering",
    document,
    reason,
  });

  it("refuses a case the engine refuses, naming the field, and stores nothing", async () => {
    const bad = draftCase() as Record<string, unknown>;
    (bad.options as Array<{ cashflows: Array<{ amount: unknown }> }>)[1]!.cashflows[3]!.amount = "lots";
    const r = await call(server, "commercial", "POST", path, body(bad));
    expect(r.status).toBe(400);
    expect((r.json as { detail: string }).detail).toBe("$.document.options[1].cashflows[3].amount: expected a number");
    const rows = await server.store.db.selectFrom("decide_versions").selectAll().execute();
    expect(rows).toEqual([]);
  });

  it("saves drafts, compares them, publishes one, and audits every step", async () => {
    const v1 = await call(server, "commercial", "POST", path, body(draftCase()));
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ id: "fm-case", version: 1, status: "draft", author: "commercial" });
    // A draft is not the stored document: staff and public reads do not see it.
    expect((await call(server, "commercial", "GET", "/api/decide/appraisals/fm-case")).status).toBe(404);

    const changed = draftCase();
    changed.options[1]!.cashflows[4]!.amount = -2_300_000;
    const v2 = await call(server, "commercial", "POST", path, body(changed, "outsourcing costs from market engagement"));
    expect(v2.json).toMatchObject({ version: 2, status: "draft" });

    const cmp = await call(server, "commercial", "GET", "/api/decide/appraisals/fm-case/comparison?from=1&to=2");
    expect(cmp.status).toBe(200);
    const c = cmp.json as {
      changes: unknown[];
      npv: Array<{ option: string; change: string }>;
      preferred: { before: string; after: string; changed: boolean };
    };
    expect(c.changes).toEqual([
      { where: 'Option "Outsource", opex, year 4', before: "£-1800000.00", after: "£-2300000.00" },
    ]);
    // £500,000 more in year 4 at the Green Book's 3.5%: 500000 / 1.035^4 = £435,721.11.
    expect(c.npv.find((n) => n.option === "outsource")!.change).toBe("-435721.11");
    expect(c.preferred).toEqual({ before: "outsource", after: "outsource", changed: false });

    expect((await call(server, "scrutineer", "POST", `${path}/2/publication`, { reason: "x" })).status).toBe(403);
    const pub = await call(server, "commercial", "POST", `${path}/2/publication`, { reason: "for committee" });
    expect(pub.status).toBe(200);
    expect(pub.json).toMatchObject({ id: "fm-case", published: true, document: changed });
    const seen = await call(server, "public", "GET", "/api/decide/appraisals/fm-case");
    expect((seen.json as { document: unknown }).document).toEqual(changed);

    const versions = (await call(server, "commercial", "GET", path)).json as Array<{ version: number; status: string }>;
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, "draft"],
      [2, "published"],
    ]);
    expect((await call(server, "public", "GET", path)).status).toBe(401);
    const audit = await server.store.db
      .selectFrom("audit_log")
      .select(["action", "reason"])
      .where("entity", "=", "decide-appraisal")
      .where("entity_id", "=", "fm-case")
      .orderBy("seq")
      .execute();
    expect(audit).toEqual([
      { action: "draft", reason: "first draft" },
      { action: "draft", reason: "outsourcing costs from market engagement" },
      { action: "create", reason: "for committee" },
      { action: "publish-version", reason: "for committee" },
    ]);
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });

  it("previews a case's NPV and probability of meeting the target without storing it", async () => {
    const before = await server.store.db.selectFrom("decide_versions").select("version").execute();
    const r = await call(server, "commercial", "POST", "/api/decide/appraisal-preview", { document: draftCase() });
    expect(r.status).toBe(200);
    const p = r.json as {
      iterations: number;
      result: { preferred: string; options: Array<{ id: string; npv: string }>; monteCarlo: { options: Array<{ id: string; probabilityMeetsTarget: number }> } };
    };
    expect(p.iterations).toBe(2000);
    expect(p.result.preferred).toBe("outsource");
    expect(p.result.monteCarlo.options.find((o) => o.id === "outsource")!.probabilityMeetsTarget).toBeGreaterThan(0);
    expect(await server.store.db.selectFrom("decide_versions").select("version").execute()).toEqual(before);
    const bad = await call(server, "commercial", "POST", "/api/decide/appraisal-preview", {
      document: { ...draftCase(), baseline: "nobody" },
    });
    expect(bad.status).toBe(400);
    expect((bad.json as { details: unknown[] }).details).toContainEqual({
      path: "$.document.baseline",
      message: 'no option has id "nobody"',
    });
    expect((await call(server, "scrutineer", "POST", "/api/decide/appraisal-preview", { document: draftCase() })).status).toBe(403);
  });
});
