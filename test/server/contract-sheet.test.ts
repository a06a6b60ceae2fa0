/**
 * Over the real HTTP server on the demo: PUT /api/contracts/{id}/sheet saves a contract's base
 * fields, owners, term and payment mechanism together, all or nothing. Saved together they read
 * back from their own routes, audited with the one reason; a bad payment section (terms over the
 * 30 days the Procurement Act allows) is refused 400 naming the section and the field, with the
 * base fields and the owners read back unchanged; a scrutineer is refused; an unknown contract
 * is 404.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractSheet } from "../../src/contract/contract-sheet.ts";
import type { ContractDates } from "../../src/contract/manage-dates.ts";
import type { ContractPayment } from "../../src/contract/manage-payment.ts";
import type { Contract } from "../../src/contract/records.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server?.close();
});

const id = "sscl-bss";
const path = `/api/contracts/${id}/sheet`;
const mechanism = {
  pricingBasis: "unit-rates",
  painShareBp: null,
  gainShareBp: null,
  invoicing: "monthly",
  paymentTermsDays: 30,
  indexation: "none",
  indexationRateBp: null,
  indexationReviewOn: null,
  serviceCreditCapBp: 1000,
  note: "schedule 7",
};
const owners = [
  { owner: "Parent plc", shareBp: 7500, fromDate: "2020-01-01" },
  { owner: "Minority Ltd", shareBp: 2500, fromDate: "2020-01-01" },
];

const read = async () => ({
  contract: (await call(server, "contract-manager", "GET", `/api/contracts/${id}`)).json as Contract,
  dates: (await call(server, "contract-manager", "GET", `/api/contracts/${id}/dates`)).json as ContractDates,
  payment: (await call(server, "contract-manager", "GET", `/api/contracts/${id}/payment`))
    .json as ContractPayment,
});

describe("PUT /api/contracts/{id}/sheet", () => {
  it("saves the four sections together, each read back from its own route, audited with one reason", async () => {
    const before = await read();
    const initialEndDate = "2031-03-31";
    const res = await call(server, "contract-manager", "PUT", path, {
      reason: "from the signed contract and its schedules",
      contract: { valuePence: 12_345_600, title: "Back-office shared services" },
      owners,
      term: {
        initialEndDate,
        endNoticeMonths: 6,
        options: [
          { id: "opt-1", fromDate: initialEndDate, toDate: "2033-03-31", state: "pending", noticeMonths: 6 },
        ],
      },
      payment: mechanism,
    });
    expect(res.status).toBe(200);
    const saved = res.json as ContractSheet;
    expect(saved.contract.valuePence).toBe(12_345_600);
    expect(saved.payment.mechanism?.serviceCreditCapBp).toBe(1000);

    const after = await read();
    expect(after.contract.title).toBe("Back-office shared services");
    expect(after.contract.valuePence).toBe(12_345_600);
    expect(after.contract.supplier).toBe(before.contract.supplier);
    expect(after.dates.owners.map((o) => [o.owner, o.shareBp]).sort()).toEqual([
      ["Minority Ltd", 2500],
      ["Parent plc", 7500],
    ]);
    expect(after.dates.term?.initialEndDate).toBe(initialEndDate);
    expect(after.dates.term?.options.map((o) => o.toDate)).toEqual(["2033-03-31"]);
    expect(after.dates.maximumEnd).toBe("2033-03-31");
    expect(after.payment.mechanism).toMatchObject({ ...mechanism, demo: false });

    const audit = await server.store.db
      .selectFrom("audit_log")
      .select(["entity", "reason", "actor"])
      .where("reason", "=", "from the signed contract and its schedules")
      .execute();
    expect(audit.map((a) => a.entity).sort()).toEqual(
      ["contract", "contract_payment_mechanisms", "contract_term", "supplier_owners"].sort(),
    );
    expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(["contracts"]));
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });

  it("refuses a bad payment section, naming it, and leaves the base fields and owners as they were", async () => {
    const before = await read();
    const entries = async () =>
      Number(
        (
          await server.store.db
            .selectFrom("audit_log")
            .select((e) => e.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const audited = await entries();
    const res = await fetch(server.base + path, {
      method: "PUT",
      headers: {
        authorization: `Bearer ${server.tokens["contract-manager"]}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({
        reason: "typo",
        contract: { valuePence: 1, title: "Renamed" },
        owners: [{ owner: "Someone else Ltd", shareBp: 10_000 }],
        payment: { ...mechanism, paymentTermsDays: 60 },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await res.json()) as { detail: string; details?: { path?: string } };
    expect(problem.detail).toMatch(/^Payment mechanism: /);
    expect(problem.detail).toContain("Procurement Act 2023 (s.68)");
    expect(problem.details?.path).toBe("$.payment.paymentTermsDays");

    const after = await read();
    expect(after.contract).toEqual(before.contract);
    expect(after.dates.owners).toEqual(before.dates.owners);
    expect(after.payment).toEqual(before.payment);
    expect(await entries()).toBe(audited);
  });

  it("names the section of a base field out of order", async () => {
    const r = await call(server, "contract-manager", "PUT", path, {
      reason: "typo",
      contract: { endDate: "2001-01-01" },
      payment: mechanism,
    });
    expect(r.status).toBe(400);
    const p = r.json as { detail: string; details?: { path?: string } };
    expect(p.detail).toMatch(/^Base fields: endDate: the contract would end \(2001-01-01\) before it starts/);
    expect(p.details?.path).toBe("$.contract.endDate");
    const extra = await call(server, "contract-manager", "PUT", path, {
      reason: "typo",
      payment: { ...mechanism, weekly: true },
    });
    expect(extra.status).toBe(400);
    expect(JSON.stringify(extra.json)).toContain("weekly");
  });

  it("refuses a scrutineer the whole request, an empty one, and an unknown contract", async () => {
    const before = await read();
    const viewer = await call(server, "scrutineer", "PUT", path, { reason: "x", payment: mechanism });
    expect(viewer.status).toBe(403);
    expect(await read()).toEqual(before);
    const empty = await call(server, "contract-manager", "PUT", path, { reason: "x" });
    expect(empty.status).toBe(400);
    expect((empty.json as { detail: string }).detail).toMatch(/^nothing to save/);
    const unknown = await call(server, "contract-manager", "PUT", "/api/contracts/no-such/sheet", {
      reason: "x",
      payment: mechanism,
    });
    expect(unknown.status).toBe(404);
  });

  it("is in the OpenAPI document with the roles of the four section routes", async () => {
    const doc = (await call(server, "public", "GET", "/api/openapi.json")).json as {
      paths: Record<string, Record<string, { operationId?: string }>>;
    };
    expect(doc.paths["/api/contracts/{id}/sheet"]?.put?.operationId).toBe("putContractSheet");
  });
});
