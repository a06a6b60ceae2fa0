/** OCDS in the product over real HTTP: contract events, notices, publishing, data quality. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { insertContract } from "../../src/store/records.ts";
import { call, type DemoServer, startDemoServer } from "../server/helpers.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

interface Notice {
  type: string;
  producible: boolean;
  reason: string;
  releaseId: string | null;
  published: boolean;
}
const byType = (json: unknown) =>
  Object.fromEntries((json as { notices: Notice[] }).notices.map((n) => [n.type, n])) as Record<
    string,
    Notice
  >;

describe("OCDS notices and data quality API", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("says which notices the SSCL contract can produce from the demo KPIs, ratings and extension", async () => {
    const res = await call(server, "public", "GET", "/api/contracts/sscl-bss/notices");
    expect(res.status).toBe(200);
    const n = byType(res.json);
    expect(Object.keys(n)).toEqual(["UK1", "UK4", "UK6", "UK7", "UK9", "UK10", "UK11"]);
    for (const t of ["UK6", "UK7", "UK9", "UK10"]) expect(n[t]!.producible, t).toBe(true);
    expect(n.UK1!.reason).toBe("UK1 comes before the award; this contract was awarded on 2015-08-01");
    expect(n.UK10!.reason).toContain("term changes by 19.9% of the term before the change");
    expect(n.UK11!.producible).toBe(false);
    expect(n.UK9!.reason).toBe("3 KPI ratings for the period ending 2026-03-31");
  });

  it("produces the pipeline and tender notices for the open custody healthcare tender, and no post-award one", async () => {
    const n = byType(
      (await call(server, "public", "GET", "/api/contracts/custody-healthcare-2027/notices")).json,
    );
    expect(n.UK1).toMatchObject({ producible: true, reason: "planned procurement, estimated £60,000,000" });
    expect(n.UK4).toMatchObject({
      producible: true,
      reason: "open procedure, estimated £60,000,000; tenders due by 2027-01-11T12:00:00Z",
    });
    for (const t of ["UK6", "UK7", "UK9", "UK10", "UK11"])
      expect(n[t]!.reason, t).toBe(`${t} comes after the award; this contract has not been awarded yet`);
    const uk4 = (await call(server, "public", "GET", "/api/contracts/custody-healthcare-2027/notices/UK4"))
      .json as {
      tag: string[];
      tender: {
        procurementMethod: string;
        tenderPeriod: { endDate: string };
        items: { classification: { id: string } }[];
      };
    };
    expect(uk4.tag).toEqual(["tender"]);
    expect(uk4.tender.procurementMethod).toBe("open");
    expect(uk4.tender.tenderPeriod.endDate).toBe("2027-01-11T12:00:00Z");
    expect(uk4.tender.items[0]!.classification.id).toBe("85140000");
    const published = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/custody-healthcare-2027/notices/UK4/publish",
      {
        reason: "tender notice",
      },
    );
    expect(published.status).toBe(201);
    expect(published.json).toMatchObject({ inserted: 1 });
  });

  it("refuses UK7 for a contract over £5m with fewer than 3 KPIs, saying how many are recorded", async () => {
    // Every demo contract now has its KPIs; a new contract has none.
    const made = await call(server, "contract-manager", "POST", "/api/contracts", {
      id: "uk7-no-kpis",
      ocid: "ocds-nous01-mopac-uk7-test",
      title: "Translation services",
      buyer: "MOPAC",
      supplier: "Example Languages Ltd",
      valuePence: 600_000_000,
      awardedOn: "2026-01-15",
      startDate: "2026-02-01",
      endDate: "2029-01-31",
      reason: "a contract with no KPIs yet",
    });
    expect(made.status).toBe(201);
    const n = byType((await call(server, "admin", "GET", "/api/contracts/uk7-no-kpis/notices")).json);
    expect(n.UK7!.producible).toBe(false);
    expect(n.UK7!.reason).toBe(
      "UK7: a contract worth more than £5,000,000 needs at least 3 KPIs (Procurement Act 2023 s.52); 0 given",
    );
    const one = await call(server, "admin", "GET", "/api/contracts/uk7-no-kpis/notices/UK7");
    expect(one.status).toBe(409);
    expect((one.json as { message: string }).message).toContain("needs at least 3 KPIs");
  });

  it("serves a notice as an OCDS release with the ratings and the amendment", async () => {
    const uk9 = (await call(server, "public", "GET", "/api/contracts/sscl-bss/notices/UK9")).json as {
      tag: string[];
      contracts: { milestones: { id: string; status: string }[] }[];
    };
    expect(uk9.tag).toEqual(["implementation"]);
    const cases = uk9.contracts[0]!.milestones.find((m) => m.id === "sscl-bss-kpi-cases");
    expect(cases?.status).toBe("notMet");
    const uk10 = (await call(server, "public", "GET", "/api/contracts/sscl-bss/notices/UK10")).json as {
      contracts: { period: { endDate: string }; amendments: { id: string }[] }[];
    };
    expect(uk10.contracts[0]!.period.endDate).toBe("2027-09-30T23:59:59Z");
    expect(uk10.contracts[0]!.amendments[0]!.id).toBe("sscl-bss-extension-2027");
    expect((await call(server, "public", "GET", "/api/contracts/sscl-bss/notices/UK12")).status).toBe(400);
  });

  it("records KPIs, a rating, a change and a termination with audited writes; scrutineers may not", async () => {
    const kpi = {
      id: "em-kpi-1",
      title: "Tags fitted within 24 hours",
      target: "99%",
      reason: "contract schedule 3",
    };
    expect((await call(server, "scrutineer", "POST", "/api/contracts/em-tagging/kpis", kpi)).status).toBe(
      403,
    );
    expect(
      (await call(server, "contract-manager", "POST", "/api/contracts/em-tagging/kpis", kpi)).status,
    ).toBe(201);
    const dup = await call(server, "contract-manager", "POST", "/api/contracts/em-tagging/kpis", kpi);
    expect(dup.status).toBe(409);
    // The demo's 3 KPIs and the one just recorded.
    const n = byType((await call(server, "admin", "GET", "/api/contracts/em-tagging/notices")).json);
    expect(n.UK7!.reason).toBe("contract entered into with 4 KPIs");

    const badRating = await call(server, "commercial", "POST", "/api/contracts/em-tagging/ratings", {
      kpiId: "em-kpi-1",
      periodEnd: "2025-03-31",
      rating: "excellent",
      reason: "annual review",
    });
    expect(badRating.status).toBe(400);
    const rating = await call(server, "commercial", "POST", "/api/contracts/em-tagging/ratings", {
      kpiId: "em-kpi-1",
      periodEnd: "2025-03-31",
      rating: "inadequate",
      reason: "annual review",
    });
    expect(rating.status).toBe(201);

    const small = await call(server, "contract-manager", "POST", "/api/contracts/em-tagging/changes", {
      id: "em-change-1",
      changedOn: "2025-06-01",
      valueBeforePence: 4_800_000_000,
      valueAfterPence: 5_200_000_000,
      startDate: "2019-04-01",
      endBefore: "2026-03-31",
      endAfter: "2026-03-31",
      description: "More subjects",
      rationale: "Demand",
      reason: "variation 4",
    });
    expect(small.status).toBe(201);
    expect(small.json).toMatchObject({ noticeRequired: false, noticeReasons: [] });
    const n2 = byType((await call(server, "admin", "GET", "/api/contracts/em-tagging/notices")).json);
    expect(n2.UK10!.reason).toContain("UK10 is not required: change em-change-1");
    expect(n2.UK9!.producible).toBe(true);

    const term = await call(server, "admin", "POST", "/api/contracts/em-tagging/termination", {
      terminatedOn: "2026-03-31",
      endReason: "expiry",
      totalPaidPence: 5_100_000_000,
      reason: "contract ended",
    });
    expect(term.status).toBe(201);
    const n3 = byType((await call(server, "admin", "GET", "/api/contracts/em-tagging/notices")).json);
    expect(n3.UK11!.producible).toBe(true);
    const events = (await call(server, "finance", "GET", "/api/contracts/em-tagging/events")).json as {
      kpis: unknown[];
      ratings: unknown[];
      changes: unknown[];
      termination: { totalPaidPence: number };
    };
    expect(events.kpis).toHaveLength(4); // the demo's three and the one recorded here
    expect(events.ratings).toHaveLength(1);
    expect(events.changes).toHaveLength(1);
    expect(events.termination.totalPaidPence).toBe(5_100_000_000);
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });

  it("publishes a notice into the releases once: validated, idempotent, then in the export", async () => {
    const first = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/sscl-bss/notices/UK10/publish",
      {
        reason: "extension published",
      },
    );
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ inserted: 1, unchanged: 0 });
    const again = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/sscl-bss/notices/UK10/publish",
      {
        reason: "extension published",
      },
    );
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ inserted: 0, unchanged: 1 });
    const pkg = (await call(server, "public", "GET", "/api/ocds/releases?ocid=ocds-nous01-mopac-sscl-2015"))
      .json as {
      releases: { id: string }[];
    };
    expect(pkg.releases.map((r) => r.id)).toContain(
      "ocds-nous01-mopac-sscl-2015-UK10-sscl-bss-extension-2027",
    );
    const n = byType((await call(server, "public", "GET", "/api/contracts/sscl-bss/notices")).json);
    expect(n.UK10!.published).toBe(true);
    const refused = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/sscl-bss/notices/UK11/publish",
      {
        reason: "x",
      },
    );
    expect(refused.status).toBe(409);
  });

  it("publishes notices only for a published contract, from its published events", async () => {
    await server.store.db.transaction().execute((trx) =>
      insertContract(
        trx,
        {
          id: "draft",
          ocid: "ocds-nous01-draft",
          title: "Draft contract",
          buyer: "Mayor's Office for Policing and Crime",
          supplier: "Someone Ltd",
          service_ids_json: "[]",
          description: "",
          value_pence: 100_000,
          savings_claimed_pence: null,
          awarded_on: "2025-01-06",
          start_date: "2025-02-01",
          end_date: "2026-01-31",
          max_end_date: null,
          status: "awarded",
          published: 0,
          demo_fields_json: "[]",
          source: "test",
        },
        { username: "test", reason: "test" },
      ),
    );
    expect((await call(server, "public", "GET", "/api/contracts/draft/notices")).status).toBe(404);
    const staff = byType((await call(server, "commercial", "GET", "/api/contracts/draft/notices")).json);
    expect(staff.UK6!.producible).toBe(true);
    const res = await call(server, "commercial", "POST", "/api/contracts/draft/notices/UK6/publish", {
      reason: "x",
    });
    expect(res.status).toBe(409);
    expect((res.json as { message: string }).message).toBe(
      "contract draft is not published: publish it in the register before its notices",
    );
    await call(server, "contract-manager", "POST", "/api/contracts/sscl-bss/kpis", {
      id: "sscl-hidden",
      title: "Hidden KPI",
      published: false,
      reason: "draft",
    });
    const uk7 = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/sscl-bss/notices/UK7/publish",
      {
        reason: "publish",
      },
    );
    expect(uk7.status).toBe(201);
    expect(JSON.stringify(uk7.json)).not.toContain("Hidden KPI");
  });

  it("imports a release package through the API only when it validates", async () => {
    const release = JSON.parse(
      readFileSync(`${root}test/fixtures/ocds/ukraine/release.json`, "utf8"),
    ) as unknown;
    const bad = await call(server, "commercial", "POST", "/api/ocds/releases", {
      releases: [release],
      reason: "x",
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("$.releases[0].tag[3]");
  });

  it("reports coverage and the coherence checks, with each failing ocid and why", async () => {
    const award = {
      ocid: "ocds-nous01-demo-quality-1",
      id: "q1-award",
      date: "2024-01-10T00:00:00Z",
      tag: ["award", "contract"],
      initiationType: "tender",
      buyer: { id: "b1", name: "Quality Test Buyer" },
      parties: [{ id: "b1", name: "Quality Test Buyer", roles: ["buyer"] }],
      awards: [{ id: "a1", status: "active", value: { amount: 1000, currency: "GBP" } }],
      contracts: [{ id: "c1", awardID: "a1", status: "active", value: { amount: 5000, currency: "GBP" } }],
    };
    expect(
      (await call(server, "commercial", "POST", "/api/ocds/releases", { releases: [award] })).status,
    ).toBe(201);
    const res = await call(server, "public", "GET", "/api/ocds/quality?buyer=Quality%20Test%20Buyer");
    expect(res.status).toBe(200);
    const q = res.json as {
      compiledReleases: number;
      coverage: { path: string; releases: number }[];
      checks: {
        id: string;
        failed: number;
        detects: string;
        findings: { ocid: string; message: string }[];
      }[];
    };
    expect(q.compiledReleases).toBe(1);
    expect(q.coverage.find((c) => c.path === "/contracts[]/value/amount")?.releases).toBe(1);
    expect(q.checks.map((c) => c.id)).toEqual([
      "period-order",
      "contract-award-value",
      "transactions-within-contract",
      "parties-present",
      "date-order",
    ]);
    const cav = q.checks.find((c) => c.id === "contract-award-value")!;
    expect(cav.failed).toBe(1);
    expect(cav.detects).toMatch(/50%/);
    expect(cav.findings[0]!.ocid).toBe("ocds-nous01-demo-quality-1");
    const all = (await call(server, "public", "GET", "/api/ocds/quality")).json as {
      compiledReleases: number;
    };
    expect(all.compiledReleases).toBeGreaterThan(1);
  });
});
