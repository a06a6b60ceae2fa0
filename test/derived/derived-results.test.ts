/**
 * Derived results over real HTTP on the demo database: an appraisal result and a red-flags view
 * are computed once per change of their inputs, on a worker thread, whatever the number of
 * concurrent requests; `/api/health` answers while a result is computed; a changed input is a new
 * computation and the old answer is not served; a stopped worker gives a 500 and the next request
 * succeeds; closing the server ends the worker.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedResults } from "../../src/app/derived-results.ts";
import { MOPAC_NAME } from "../../src/demo/releases.ts";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

const RESULT = "/api/decide/appraisals/sscl-bss-appraisal/result";

describe("derived results", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("20 concurrent requests for one appraisal result cause one computation and get one body", async () => {
    const appraisals = derivedResults(server.store).appraisals;
    const before = appraisals.computations();
    const bodies = await Promise.all(
      Array.from({ length: 20 }, () => fetch(server.base + RESULT).then(async (r) => [r.status, await r.text()])),
    );
    expect(appraisals.computations()).toBe(before + 1);
    expect(new Set(bodies.map((b) => b[0]))).toEqual(new Set([200]));
    expect(new Set(bodies.map((b) => b[1])).size).toBe(1);
    expect((await fetch(server.base + RESULT)).status).toBe(200);
    expect(appraisals.computations()).toBe(before + 1);
  });

  it("answers /api/health while an appraisal result is being computed", async () => {
    const order: string[] = [];
    const result = fetch(`${server.base}${RESULT}?seed=4242&iterations=200000`).then(async (r) => {
      await r.text();
      order.push(`result ${r.status}`);
    });
    const appraisals = derivedResults(server.store).appraisals;
    const before = appraisals.computations();
    while (appraisals.computations() === before) await new Promise((r) => setImmediate(r));
    const health = await fetch(`${server.base}/api/health`);
    order.push(`health ${health.status}`);
    await result;
    expect(order).toEqual(["health 200", "result 200"]);
  });

  it("computes again when the appraisal case changes, and does not serve the old result", async () => {
    const appraisals = derivedResults(server.store).appraisals;
    const stored = await call(server, "finance", "GET", "/api/decide/appraisals/sscl-bss-appraisal");
    const doc = stored.json as {
      title: string;
      document: unknown;
      serviceId: string | null;
      contractId: string | null;
    };
    const old = await call(server, "public", "GET", RESULT);
    const n = appraisals.computations();
    const changed = structuredClone(doc.document) as { options: { cashflows: { amount: number }[] }[] };
    changed.options[0]!.cashflows[0]!.amount -= 1_000_000;
    const put = await call(server, "finance", "PUT", "/api/decide/appraisals/sscl-bss-appraisal", {
      title: doc.title,
      serviceId: doc.serviceId,
      contractId: doc.contractId,
      document: changed,
      reason: "test: a new version of the case",
    });
    expect(put.status).toBe(200);
    const now = await call(server, "public", "GET", RESULT);
    expect(now.status).toBe(200);
    expect(appraisals.computations()).toBe(n + 1);
    expect(now.json).not.toEqual(old.json);
    await call(server, "public", "GET", RESULT);
    expect(appraisals.computations()).toBe(n + 1);
  });

  it("computes a flags view again after a release for that buyer is imported", async () => {
    const flags = derivedResults(server.store).flags;
    const url = `/api/flags?buyer=${encodeURIComponent(MOPAC_NAME)}`;
    const first = await call(server, "public", "GET", url);
    expect(first.status).toBe(200);
    const n = flags.computations();
    expect((await call(server, "public", "GET", url)).json).toEqual(first.json);
    expect(flags.computations()).toBe(n);
    const release = {
      ocid: "ocds-test-derived-1",
      id: "ocds-test-derived-1-tender",
      date: "2026-01-05T00:00:00Z",
      tag: ["tender"],
      initiationType: "tender",
      buyer: { id: "GB-GOR-PC1", name: MOPAC_NAME },
      tender: { id: "t1", title: "A tender imported by the test" },
    };
    const imp = await call(server, "commercial", "POST", "/api/ocds/releases", {
      releases: [release],
      reason: "test: a new release for the buyer",
    });
    expect(imp.json).toMatchObject({ inserted: 1 });
    const after = await call(server, "public", "GET", url);
    expect(after.status).toBe(200);
    expect(flags.computations()).toBe(n + 1);
    const before = first.json as { releases: number; processes: number };
    expect((after.json as { releases: number }).releases).toBe(before.releases + 1);
  });

  it("a worker stopped mid-computation gives a 500, and the next request computes the result", async () => {
    const { appraisals, pool } = derivedResults(server.store);
    const before = appraisals.computations();
    const pending = fetch(`${server.base}${RESULT}?seed=777&iterations=200000`);
    while (appraisals.computations() === before) await new Promise((r) => setImmediate(r));
    await pool.terminate("test: the worker is stopped");
    expect((await pending).status).toBe(500);
    const retry = await fetch(`${server.base}${RESULT}?seed=777&iterations=200000`);
    expect(retry.status).toBe(200);
    expect(appraisals.computations()).toBe(before + 2);
  });

  it("closing the server ends the worker", async () => {
    const other = await startDemoServer();
    expect((await fetch(other.base + RESULT)).status).toBe(200);
    const { pool } = derivedResults(other.store);
    expect(pool.running()).toBe(true);
    await other.app.close();
    expect(pool.running()).toBe(false);
    await other.close();
  });
});
