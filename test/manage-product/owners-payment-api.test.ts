/**
 * The supplier's owners and the payment mechanism over HTTP, on a real server and the demo: the
 * contract side records them, a viewer (the scrutineer) is refused, and a body that does not
 * hold is answered 400 problem+json naming the field, with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContractDates } from "../../src/contract/manage-dates.ts";
import type { ContractPayment } from "../../src/contract/manage-payment.ts";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server.close();
});

const mechanism = {
  pricingBasis: "target-cost",
  painShareBp: 5000,
  gainShareBp: 5000,
  invoicing: "monthly",
  paymentTermsDays: 30,
  indexation: "cpi",
  indexationRateBp: null,
  indexationReviewOn: "2027-04-01",
  serviceCreditCapBp: 1500,
  note: "charges monthly in arrears",
};

async function problem(role: string, path: string, body: unknown) {
  const res = await fetch(server.base + path, {
    method: "PUT",
    headers: { authorization: `Bearer ${server.tokens[role]}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

describe("PUT /api/contracts/{id}/owners", () => {
  it("records the supplier's owners in basis points, dated, and the contract's dates show them", async () => {
    const res = await call(server, "contract-manager", "PUT", "/api/contracts/em-tagging/owners", {
      reason: "from the supplier's annual return",
      owners: [
        { owner: "Parent plc", shareBp: 7500, fromDate: "2020-01-01" },
        { owner: "Minority Ltd", shareBp: 2500, fromDate: "2020-01-01", toDate: null },
      ],
    });
    expect(res.status).toBe(200);
    const d = res.json as ContractDates;
    expect(d.owners.map((o) => [o.owner, o.shareBp, o.fromDate, o.toDate])).toEqual([
      ["Minority Ltd", 2500, "2020-01-01", null],
      ["Parent plc", 7500, "2020-01-01", null],
    ]);
    const audit = (await call(server, "admin", "GET", "/api/audit?entity=supplier_owners")).json;
    expect(JSON.stringify(audit)).toContain("from the supplier's annual return");
  });

  it("refuses shares adding up to more than 100%, in plain words, storing nothing", async () => {
    const bad = await problem("contract-manager", "/api/contracts/em-tagging/owners", {
      reason: "typo",
      owners: [
        { owner: "Parent plc", shareBp: 7500 },
        { owner: "Minority Ltd", shareBp: 3500 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/problem+json");
    expect(bad.text).toContain("the shares add up to 110%, more than 100%");
    expect(bad.text).toContain("$.owners");
    const d = (await call(server, "contract-manager", "GET", "/api/contracts/em-tagging/dates"))
      .json as ContractDates;
    expect(d.owners.map((o) => o.shareBp).sort()).toEqual([2500, 7500]);
  });

  it("names a share out of range, and refuses a viewer", async () => {
    const bad = await problem("contract-manager", "/api/contracts/em-tagging/owners", {
      reason: "x",
      owners: [{ owner: "Parent plc", shareBp: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("shareBp");
    const viewer = await call(server, "scrutineer", "PUT", "/api/contracts/em-tagging/owners", {
      reason: "x",
      owners: [],
    });
    expect(viewer.status).toBe(403);
  });
});

describe("GET and PUT /api/contracts/{id}/payment", () => {
  it("has none recorded at first, records one, and answers it as stored", async () => {
    const before = (await call(server, "finance", "GET", "/api/contracts/sscl-bss/payment"))
      .json as ContractPayment;
    expect(before).toEqual({ contractId: "sscl-bss", mechanism: null });
    const res = await call(server, "contract-manager", "PUT", "/api/contracts/sscl-bss/payment", {
      reason: "from schedule 7 of the contract",
      ...mechanism,
    });
    expect(res.status).toBe(200);
    expect((res.json as ContractPayment).mechanism).toMatchObject({ ...mechanism, demo: false });
    const after = (await call(server, "scrutineer", "GET", "/api/contracts/sscl-bss/payment"))
      .json as ContractPayment;
    expect(after.mechanism?.pricingBasis).toBe("target-cost");
    const audit = (await call(server, "admin", "GET", "/api/audit?entity=contract_payment_mechanisms")).json;
    expect(JSON.stringify(audit)).toContain("from schedule 7 of the contract");
  });

  it("refuses payment terms over 30 days, citing the Procurement Act, and leaves the stored one", async () => {
    const bad = await problem("contract-manager", "/api/contracts/sscl-bss/payment", {
      reason: "x",
      ...mechanism,
      paymentTermsDays: 60,
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/problem+json");
    expect(bad.text).toContain("$.paymentTermsDays");
    expect(bad.text).toContain("Procurement Act 2023 (s.68)");
    const after = (await call(server, "finance", "GET", "/api/contracts/sscl-bss/payment"))
      .json as ContractPayment;
    expect(after.mechanism?.paymentTermsDays).toBe(30);
  });

  it("names a bad field of the body, refuses a viewer, and keeps it from the public", async () => {
    const bad = await problem("contract-manager", "/api/contracts/sscl-bss/payment", {
      reason: "x",
      ...mechanism,
      invoicing: "weekly",
    });
    expect(bad.status).toBe(400);
    expect(bad.type).toContain("application/problem+json");
    expect(bad.text).toContain("invoicing");
    const viewer = await call(server, "scrutineer", "PUT", "/api/contracts/sscl-bss/payment", {
      reason: "x",
      ...mechanism,
    });
    expect(viewer.status).toBe(403);
    expect((await call(server, "public", "GET", "/api/contracts/sscl-bss/payment")).status).toBe(401);
    expect((await call(server, "finance", "GET", "/api/contracts/no-such/payment")).status).toBe(404);
  });
});
