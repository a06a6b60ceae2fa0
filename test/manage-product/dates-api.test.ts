/**
 * Dates that act over HTTP, on a real server and the demo: the attention list per role (staff
 * only), a term recorded by the contract side and refused, with the field named, when it does
 * not hold, and the records API showing the status derived from the dates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Attention, ContractDates, RegisterRow } from "../../src/contract/manage-dates.ts";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server.close();
});

describe("GET /api/attention", () => {
  it("lists the contract manager's items, each linking to its record, most urgent first", async () => {
    const res = await call(server, "contract-manager", "GET", "/api/attention");
    expect(res.status).toBe(200);
    const a = res.json as Attention;
    expect(a.role).toBe("contract-manager");
    const kinds = new Set(a.items.map((i) => i.kind));
    for (const k of ["deadline", "past-end", "change-notice", "billing-exception"])
      expect(kinds).toContain(k);
    const em = a.items.find((i) => i.id === "past-end:em-tagging");
    expect(em).toMatchObject({ contractId: "em-tagging", link: "/contracts/em-tagging", severity: "high" });
    const sscl = a.items.find((i) => i.kind === "deadline" && i.contractId === "sscl-bss");
    expect(sscl?.title).toContain("decide what follows");
    expect(sscl?.dueDate).toBe("2026-12-30");
    const order = { high: 0, medium: 1, low: 2 };
    const severities = a.items.map((i) => order[i.severity]);
    expect(severities).toEqual([...severities].sort((x, y) => x - y));
    for (const i of a.items) expect(i.link).toMatch(/^\/(contracts|billing)/);
  });

  it("gives finance its own list, and refuses the public", async () => {
    const f = (await call(server, "finance", "GET", "/api/attention")).json as Attention;
    expect(new Set(f.items.map((i) => i.kind))).toEqual(
      new Set(["billing-exception", "past-end", "deadline"]),
    );
    expect((await call(server, "public", "GET", "/api/attention")).status).toBe(401);
  });
});

describe("PUT /api/contracts/{id}/term", () => {
  it("records a term whose deadlines and status follow, and refuses a bad one naming the field", async () => {
    const bad = await call(server, "contract-manager", "PUT", "/api/contracts/custody-healthcare-2027/term", {
      reason: "test",
      initialEndDate: "2032-03-31",
      endNoticeMonths: 6,
      options: [{ id: "o", fromDate: "2032-03-31", toDate: "2031-01-01", state: "pending", noticeMonths: 3 }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("$.options[0].toDate");
    const before = (await call(server, "public", "GET", "/api/contracts/custody-healthcare-2027/dates"))
      .json as ContractDates;
    expect(before.term?.options[0]?.toDate).toBe("2034-03-31");

    expect(
      (
        await call(server, "scrutineer", "PUT", "/api/contracts/sscl-bss/term", {
          reason: "x",
          initialEndDate: "2022-09-30",
          endNoticeMonths: 6,
        })
      ).status,
    ).toBe(403);
    const ok = await call(server, "contract-manager", "PUT", "/api/contracts/em-tagging/term", {
      reason: "the 2-year option was taken after all",
      initialEndDate: "2026-03-31",
      endNoticeMonths: 12,
      options: [
        {
          id: "option-2-years",
          fromDate: "2026-03-31",
          toDate: "2028-03-31",
          state: "taken",
          noticeMonths: 6,
        },
      ],
    });
    expect(ok.status).toBe(200);
    const d = ok.json as ContractDates;
    expect(d.currentEnd).toBe("2028-03-31");
    expect(d.status).toBe("extended");
    const list = (await call(server, "public", "GET", "/api/contracts")).json as {
      id: string;
      status: string;
    }[];
    expect(list.find((c) => c.id === "em-tagging")?.status).toBe("extended");
    const reg = (await call(server, "public", "GET", "/api/register")).json as RegisterRow[];
    expect(reg.find((r) => r.id === "em-tagging")?.nextDeadline?.kind).toBe("end-decision");
  });
});
