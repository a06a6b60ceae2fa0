/**
 * Savings, variations and the exit plan over real HTTP against the demo: the public reads SSCL's
 * savings against its £101.4m claim and its variation history; a contract manager records a
 * savings plan and appends variations (the third of three 4% changes flagged); there is no route
 * to change or delete a variation; a bad index is refused with 400 naming its JSON path and
 * nothing stored; the exit plan is for staff only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

describe("savings, variations and exit API", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("gives the public SSCL's savings against the claim, with the contract value beside the committed total", async () => {
    const res = await call(server, "public", "GET", "/api/contracts/sscl-bss/savings");
    expect(res.status).toBe(200);
    const s = res.json as { rows: { label: string; demo: boolean }[] } & Record<string, unknown>;
    expect(s).toMatchObject({
      planned: true,
      contractValuePence: 23_450_000_000,
      committedTotalPence: 28_140_000_000,
      claimedTotalPence: 10_140_000_000,
      demo: true,
    });
    expect(s.rows).toHaveLength(12);
    expect(s.rows.every((r) => r.demo)).toBe(true);
    expect((await call(server, "public", "GET", "/api/contracts/nope/savings")).status).toBe(404);
  });

  it("records a savings plan, refuses a bad index naming its path, and keeps the plan as it was", async () => {
    const plan = {
      reason: "from the business case",
      baselineAnnualPence: 1_000_000_000,
      indexName: "CPI",
      baseIndex: "100",
      claimedTotalPence: 400_000_000,
      years: [
        { label: "Y1", start: "2019-04-01", end: "2020-03-31", claimedPence: 200_000_000, index: "100", paymentsPence: 700_000_000, retainedPence: 100_000_000 },
        { label: "Y2", start: "2020-04-01", end: "2021-03-31", claimedPence: 200_000_000, index: "102.5", paymentsPence: 750_000_000, retainedPence: 100_000_000 },
      ],
    };
    const ok = await call(server, "contract-manager", "PUT", "/api/contracts/em-tagging/savings-plan", plan);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ realisedToDatePence: 375_000_000, gapToDatePence: 25_000_000 });
    const bad = await call(server, "contract-manager", "PUT", "/api/contracts/em-tagging/savings-plan", {
      ...plan,
      years: [{ ...plan.years[0], index: "n/a" }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("index");
    const after = await call(server, "public", "GET", "/api/contracts/em-tagging/savings");
    expect(after.json).toMatchObject({ realisedToDatePence: 375_000_000 });
    expect((await call(server, "scrutineer", "PUT", "/api/contracts/em-tagging/savings-plan", plan)).status).toBe(403);
  });

  it("appends variations as versions, flags the third of three 4% changes, and has no route to edit one", async () => {
    const base = await call(server, "contract-manager", "PUT", "/api/contracts/em-tagging/award-baseline", {
      reason: "as awarded",
      awardValuePence: 4_800_000_000,
      startDate: "2019-04-01",
      awardEndDate: "2026-03-31",
      awardMaxEndDate: "2028-03-31",
      works: false,
      regime: "PA2023",
    });
    expect(base.status).toBe(200);
    const v = {
      reason: "recorded from the change note",
      changedOn: "2020-06-01",
      approvedOn: "2020-06-02",
      approvedBy: "Contract board",
      changeReason: "more subjects",
      description: "4% more monitoring",
      valueDeltaPence: 192_000_000,
    };
    for (let i = 0; i < 2; i++)
      expect((await call(server, "contract-manager", "POST", "/api/contracts/em-tagging/variations", v)).status).toBe(201);
    const third = await call(server, "contract-manager", "POST", "/api/contracts/em-tagging/variations", v);
    expect(third.status).toBe(201);
    const rows = (third.json as { rows: { version: number; noticeRequired: boolean; noticeReasons: string[] }[] }).rows;
    expect(rows.map((r) => r.noticeRequired)).toEqual([false, false, true]);
    expect(rows[2]!.noticeReasons[0]).toContain("12.00% of the award value, taken with versions 1, 2");
    for (const method of ["PUT", "PATCH", "DELETE"])
      expect((await call(server, "contract-manager", method, "/api/contracts/em-tagging/variations/em-tagging@v1", v)).status).toBe(404);
    const pub = await call(server, "public", "GET", "/api/contracts/em-tagging/variations");
    expect((pub.json as { rows: unknown[] }).rows).toHaveLength(3);
  });

  it("shows staff the exit plan and its readiness, and not the public", async () => {
    const e = await call(server, "scrutineer", "GET", "/api/contracts/sscl-bss/exit");
    expect(e.status).toBe(200);
    expect(e.json).toMatchObject({ planned: true, readiness: { ready: false, nextDate: "2027-09-30" } });
    expect((await call(server, "public", "GET", "/api/contracts/sscl-bss/exit")).status).toBe(401);
  });
});
