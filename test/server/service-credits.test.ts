/**
 * GET /api/contracts/{id}/service-credits on the demo: the credits of each month follow from the
 * results under the contract's regime, capped as it says, with the working in sentences; staff
 * read them, the public does not; a regime set through the API changes the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceCredits } from "../../src/contract/manage-performance.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
}, 60_000);
afterAll(async () => {
  await server.close();
});

type Credits = ReturnType<typeof ServiceCredits.parse>;

describe("service credits", () => {
  it("SSCL, March 2026: three failed KPIs at 2% each would be 6% of the charge, capped at 5%", async () => {
    const res = await call(server, "scrutineer", "GET", "/api/contracts/sscl-bss/service-credits");
    expect(res.status).toBe(200);
    const body = ServiceCredits.parse(res.json) as Credits;
    const march = body.months.find((m) => m.month === "2026-03");
    expect(march?.failed.map((f) => f.kpiId)).toEqual([
      "sscl-bss-kpi-cases",
      "sscl-bss-kpi-invoices",
      "sscl-bss-kpi-payroll",
    ]);
    // £1,954,166.67 a month: 2% is £39,083.33 per failed KPI; the cap is 5%, £97,708.33.
    expect(march).toMatchObject({
      grossPence: 11_724_999,
      capPence: 9_770_833,
      creditPence: 9_770_833,
      capped: true,
    });
    expect(march?.working.at(-1)).toBe(
      "3 failed KPIs × £39,083.33 = £117,249.99, above the cap of £97,708.33: the credit is the cap, £97,708.33 (£19,541.66 not credited).",
    );
    expect(march?.working[0]).toContain("2.00% of it (£39,083.33) for each failed KPI");
    const april = body.months.find((m) => m.month === "2026-04");
    expect(april).toMatchObject({ creditPence: 0, capped: false });
    expect(april?.working.at(-1)).toBe("No KPI failed this month: no credit.");
  });

  it("counts the electronic monitoring contract's unreported last month as failures (points regime)", async () => {
    const res = await call(server, "contract-manager", "GET", "/api/contracts/em-tagging/service-credits");
    const body = res.json as Credits;
    const march = body.months.find((m) => m.month === "2026-03");
    expect(march?.failed.map((f) => [f.kpiId, f.reason, f.points])).toEqual([
      ["em-kpi-alerts", "missing", 5],
      ["em-kpi-billing", "missing", 5],
      ["em-kpi-fitting", "missing", 5],
    ]);
    // 15 points at £2,500 = £37,500, above 3% of £571,428.57 = £17,142.85.
    expect(march).toMatchObject({
      grossPence: 3_750_000,
      capPence: 1_714_285,
      creditPence: 1_714_285,
      capped: true,
    });
    expect(body.months.some((m) => m.month > "2026-03")).toBe(false);
  });

  it("is for staff only", async () => {
    expect((await call(server, "public", "GET", "/api/contracts/sscl-bss/service-credits")).status).toBe(401);
  });

  it("follows a regime set through the API", async () => {
    const put = await call(
      server,
      "contract-manager",
      "PUT",
      "/api/contracts/sscl-bss/service-credit-regime",
      {
        reason: "renegotiated cap",
        kind: "percent",
        monthlyChargePence: 10_000_000,
        creditBp: 100,
        pointsPerFailure: 0,
        pencePerPoint: 0,
        capBp: 1_000,
      },
    );
    expect(put.status).toBe(200);
    const body = (await call(server, "admin", "GET", "/api/contracts/sscl-bss/service-credits"))
      .json as Credits;
    expect(body.months.find((m) => m.month === "2026-03")).toMatchObject({
      grossPence: 300_000,
      creditPence: 300_000,
      capped: false,
    });
    const bad = await call(
      server,
      "contract-manager",
      "PUT",
      "/api/contracts/sscl-bss/service-credit-regime",
      {
        reason: "x",
        kind: "points",
        monthlyChargePence: 10_000_000,
        creditBp: 0,
        pointsPerFailure: 0,
        pencePerPoint: 100,
        capBp: 1_000,
      },
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("$.pointsPerFailure");
    expect(
      (await call(server, "finance", "PUT", "/api/contracts/sscl-bss/service-credit-regime", { reason: "x" }))
        .status,
    ).toBe(403);
  });
});

describe("results and obligations through the API", () => {
  it("verifies a supplier-reported result, once", async () => {
    const path = "/api/contracts/sscl-bss/kpi-results/verify";
    const body = { reason: "checked against payroll records", resultId: "sscl-bss-kpi-payroll@2026-10-31" };
    const res = await call(server, "contract-manager", "POST", path, body);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ verifiedBy: "contracts", unverified: false });
    expect((await call(server, "contract-manager", "POST", path, body)).status).toBe(409);
  });

  it("completes an obligation with evidence and rolls it to its next due date", async () => {
    const res = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/sscl-bss/obligations/complete",
      {
        reason: "review held",
        obligationId: "sscl-ob-open-book",
        completedOn: "2026-12-02",
        evidence: "Open-book review minutes, 2 December 2026",
      },
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ dueDate: "2027-10-31", status: "open" });
    const list = (await call(server, "scrutineer", "GET", "/api/contracts/sscl-bss/obligations")).json as {
      id: string;
      completions: { evidence: string }[];
    }[];
    expect(list.find((o) => o.id === "sscl-ob-open-book")?.completions.at(-1)?.evidence).toBe(
      "Open-book review minutes, 2 December 2026",
    );
    const none = await call(
      server,
      "contract-manager",
      "POST",
      "/api/contracts/sscl-bss/obligations/complete",
      {
        reason: "x",
        obligationId: "no-such",
        completedOn: "2026-12-02",
        evidence: "x",
      },
    );
    expect(none.status).toBe(404);
  });
});
