/**
 * Bad input that used to reach the database, over real HTTP on a real SQLite demo store: a
 * repeated id is a 409 naming it (the first row unchanged), and money outside whole pence from the
 * stated range (MAX_PENCE) is a 400 naming the field and the range, with nothing stored. The 409
 * on PostgreSQL is in input-bounds-postgres.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_PENCE } from "../../src/shared/money.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { call, type DemoServer, startDemoServer } from "./helpers.ts";

/** POSTs raw JSON text: `JSON.stringify` cannot spell 9007199254740993 or 2^63 exactly. */
async function postRaw(server: DemoServer, method: string, path: string, text: string) {
  const res = await fetch(server.base + path, {
    method,
    headers: { authorization: `Bearer ${server.tokens.admin}`, "content-type": "application/json" },
    body: text,
  });
  return {
    status: res.status,
    json: (await res.json()) as { error: string; message: string; details: unknown },
  };
}

async function auditCount(server: DemoServer): Promise<number> {
  const r = await server.store.db
    .selectFrom("audit_log")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const NEW_CONTRACT = { title: "Bounds test", buyer: "Buyer", supplier: "Supplier", reason: "test" };
const NEW_SERVICE = {
  name: "Bounds test",
  classification: "core",
  classificationReason: "test",
  reason: "test",
};

describe("repeated ids on SQLite", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("POST /api/contracts with an id that exists is 409 naming it; the first row is unchanged", async () => {
    const [first] = (await call(server, "admin", "GET", "/api/contracts")).json as Array<{ id: string }>;
    const before = await call(server, "admin", "GET", `/api/contracts/${first!.id}`);
    const audit = await auditCount(server);
    const res = await call(server, "admin", "POST", "/api/contracts", { ...NEW_CONTRACT, id: first!.id });
    expect(res.status).toBe(409);
    expect(res.json).toEqual({
      type: "/api/problems#duplicate_id",
      title: "The id is already taken",
      status: 409,
      detail: `a contract with id "${first!.id}" already exists`,
      instance: "/api/contracts",
      error: "duplicate_id",
      message: `a contract with id "${first!.id}" already exists`,
      details: { id: first!.id },
    });
    expect(await call(server, "admin", "GET", `/api/contracts/${first!.id}`)).toEqual(before);
    expect(await auditCount(server)).toBe(audit);
  });

  it("POST /api/services and /api/decisions likewise", async () => {
    const [svc] = (await call(server, "admin", "GET", "/api/services")).json as Array<{ id: string }>;
    const beforeSvc = await call(server, "admin", "GET", `/api/services/${svc!.id}`);
    const s = await call(server, "admin", "POST", "/api/services", { ...NEW_SERVICE, id: svc!.id });
    expect(s).toMatchObject({
      status: 409,
      json: { error: "duplicate_id", message: `a service with id "${svc!.id}" already exists` },
    });
    expect(await call(server, "admin", "GET", `/api/services/${svc!.id}`)).toEqual(beforeSvc);

    const decisions = (await call(server, "admin", "GET", "/api/decisions")).json as Array<{ id: string }>;
    const dec = decisions[0]!;
    const d = await call(server, "admin", "POST", "/api/decisions", {
      id: dec.id,
      decidedOn: "2026-01-01",
      gate: "scrutiny",
      title: "Changed title",
      outcome: "changed",
      reason: "test",
    });
    expect(d).toMatchObject({
      status: 409,
      json: { error: "duplicate_id", message: `a decision with id "${dec.id}" already exists` },
    });
    const after = (await call(server, "admin", "GET", "/api/decisions")).json as Array<{ id: string }>;
    expect(after).toEqual(decisions);
  });

  it("two requests racing for one new id: one 201, one 409", async () => {
    const body = { ...NEW_CONTRACT, id: "race-for-this-id" };
    const results = await Promise.all(
      [1, 2, 3].map(() => call(server, "admin", "POST", "/api/contracts", body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it("a gate event, a KPI and a contract change with a repeated id are 409 too", async () => {
    const gate = {
      id: "bounds-gate-event",
      gate: "scrutiny",
      action: "start",
      date: "2026-01-01",
      by: "someone",
      role: "commercial",
      why: "test",
    };
    const created = await call(server, "admin", "POST", "/api/decide/gate-events", gate);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    expect(
      await call(server, "admin", "POST", "/api/decide/gate-events", { ...gate, by: "another" }),
    ).toMatchObject({
      status: 409,
      json: { error: "duplicate_id", message: 'a gate event with id "bounds-gate-event" already exists' },
    });

    const [contract] = (await call(server, "admin", "GET", "/api/contracts")).json as Array<{ id: string }>;
    const kpi = { id: "bounds-kpi", title: "On time", reason: "test" };
    expect((await call(server, "admin", "POST", `/api/contracts/${contract!.id}/kpis`, kpi)).status).toBe(
      201,
    );
    const again = await call(server, "admin", "POST", `/api/contracts/${contract!.id}/kpis`, kpi);
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      error: "duplicate_id",
      message: 'a KPI with id "bounds-kpi" already exists',
    });

    const change = MONEY_FIELDS.find((f) => f.path.endsWith("/changes"))!.body;
    const path = `/api/contracts/${contract!.id}/changes`;
    const first = await call(server, "admin", "POST", path, { ...change, id: "bounds-change" });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(await call(server, "admin", "POST", path, { ...change, id: "bounds-change" })).toMatchObject({
      status: 409,
      json: { error: "duplicate_id", message: 'a contract change with id "bounds-change" already exists' },
    });
  });
});

describe("ids that name no row, on SQLite", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a serviceId, contractId or waveId naming nothing is 400 naming the field and the id, nothing stored", async () => {
    const [svc] = (await call(server, "admin", "GET", "/api/services")).json as Array<{ id: string }>;
    const audit = await auditCount(server);
    const cases: Array<[string, string, unknown, string, string]> = [
      [
        "POST",
        "/api/services",
        { ...NEW_SERVICE, id: "ref-s", waveId: "no-wave" },
        "waveId",
        "market-testing wave",
      ],
      [
        "PATCH",
        `/api/services/${svc!.id}`,
        { waveId: "no-wave", reason: "test" },
        "waveId",
        "market-testing wave",
      ],
      [
        "POST",
        "/api/decisions",
        {
          id: "ref-d",
          decidedOn: "2026-01-01",
          gate: "scrutiny",
          title: "t",
          outcome: "o",
          serviceId: "no-row",
          reason: "r",
        },
        "serviceId",
        "service",
      ],
      [
        "POST",
        "/api/decide/gate-events",
        {
          id: "ref-g",
          gate: "scrutiny",
          action: "start",
          date: "2026-01-01",
          by: "x",
          role: "commercial",
          contractId: "no-row",
          why: "r",
        },
        "contractId",
        "contract",
      ],
    ];
    for (const [method, path, body, field, noun] of cases) {
      const value = (body as Record<string, string>)[field]!;
      expect(await call(server, "admin", method, path, body), `${method} ${path}`).toMatchObject({
        status: 400,
        json: {
          error: "unknown_reference",
          message: `${field} "${value}" names no ${noun}`,
          details: { field, id: value },
        },
      });
    }
    expect(await auditCount(server)).toBe(audit);
  });
});

/** Every money field of every write route, with the smallest value it takes. */
const MONEY_FIELDS: Array<{
  method: string;
  path: string;
  body: Record<string, unknown>;
  field: string;
  min: number;
}> = [
  {
    method: "POST",
    path: "/api/contracts",
    body: { ...NEW_CONTRACT, id: "money-c" },
    field: "valuePence",
    min: 0,
  },
  {
    method: "POST",
    path: "/api/contracts",
    body: { ...NEW_CONTRACT, id: "money-s" },
    field: "savingsClaimedPence",
    min: -MAX_PENCE,
  },
  {
    method: "POST",
    path: "/api/services",
    body: { ...NEW_SERVICE, id: "money-v" },
    field: "annualCostPence",
    min: 0,
  },
  {
    method: "PATCH",
    path: "/api/services/:service",
    body: { reason: "test" },
    field: "annualCostPence",
    min: 0,
  },
  {
    method: "POST",
    path: "/api/contracts/:contract/changes",
    body: {
      reason: "test",
      id: "money-change",
      changedOn: "2026-01-01",
      valueBeforePence: 100,
      valueAfterPence: 100,
      startDate: "2025-01-01",
      endBefore: "2027-01-01",
      endAfter: "2027-01-01",
      description: "x",
      rationale: "y",
    },
    field: "valueAfterPence",
    min: 0,
  },
  {
    method: "POST",
    path: "/api/contracts/:contract/termination",
    body: { reason: "test", terminatedOn: "2026-01-01", endReason: "expiry" },
    field: "totalPaidPence",
    min: 0,
  },
  {
    method: "POST",
    path: "/api/billing/exceptions/:exception/recover",
    body: { reason: "test", creditNote: "CN-1" },
    field: "amountPence",
    min: 1,
  },
];

/** Spelled as JSON text: 1e308, 2^63, 2^53 + 1 (JSON.parse makes it 2^53), MAX_PENCE + 1, 1.5. */
const TOO_BIG = ["1e308", "9223372036854775808", "9007199254740993", String(MAX_PENCE + 1), "-1e308"];

describe("money bounds on SQLite", () => {
  let server: DemoServer;
  let ids: Record<string, string>;
  beforeAll(async () => {
    server = await startDemoServer();
    const contracts = (await call(server, "admin", "GET", "/api/contracts")).json as Array<{ id: string }>;
    const services = (await call(server, "admin", "GET", "/api/services")).json as Array<{ id: string }>;
    ids = { contract: contracts[0]!.id, service: services[0]!.id, exception: "no-such-exception" };
  });
  afterAll(async () => {
    await server?.close();
  });

  const send = (f: (typeof MONEY_FIELDS)[number], valueText: string) => {
    const path = f.path.replace(/:(\w+)/, (_, k: string) => ids[k]!);
    const text = JSON.stringify({ ...f.body, [f.field]: "@@" }).replace('"@@"', valueText);
    return postRaw(server, f.method, path, text);
  };

  it("JSON.parse turns 9007199254740993 into 9007199254740992, which is above the maximum anyway", () => {
    expect(JSON.parse("9007199254740993")).toBe(9007199254740992);
    expect(9007199254740992).toBeGreaterThan(MAX_PENCE);
    expect(Number.isSafeInteger(MAX_PENCE)).toBe(true);
  });

  for (const f of MONEY_FIELDS) {
    it(`${f.method} ${f.path} refuses ${f.field} out of range or fractional, naming it and the range`, async () => {
      const audit = await auditCount(server);
      const contracts = await call(server, "admin", "GET", "/api/contracts");
      const services = await call(server, "admin", "GET", "/api/services");
      const bad = [...TOO_BIG, "1.5", String(f.min - 1)];
      for (const v of bad) {
        const res = await send(f, v);
        expect(res.status, `${f.field} = ${v}`).toBe(400);
        expect(res.json.error).toBe("bad_request");
        expect(res.json.message, `${f.field} = ${v}`).toBe(
          `body.${f.field}: must be a whole number of pence from ${f.min} to ${MAX_PENCE}`,
        );
      }
      expect(await auditCount(server)).toBe(audit);
      expect(await call(server, "admin", "GET", "/api/contracts")).toEqual(contracts);
      expect(await call(server, "admin", "GET", "/api/services")).toEqual(services);
    });
  }

  it("stores MAX_PENCE exactly, and refuses one penny more", async () => {
    const ok = await call(server, "admin", "POST", "/api/contracts", {
      ...NEW_CONTRACT,
      id: "largest-contract",
      valuePence: MAX_PENCE,
      savingsClaimedPence: -MAX_PENCE,
    });
    expect(ok.status).toBe(201);
    const row = await server.store.db
      .selectFrom("contracts")
      .select(["value_pence", "savings_claimed_pence"])
      .where("id", "=", "largest-contract")
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ value_pence: MAX_PENCE, savings_claimed_pence: -MAX_PENCE });
    const over = await call(server, "admin", "POST", "/api/contracts", {
      ...NEW_CONTRACT,
      id: "too-large-contract",
      valuePence: MAX_PENCE + 1,
    });
    expect(over.status).toBe(400);
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });
});
