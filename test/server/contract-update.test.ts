/**
 * Over the real HTTP server: a contract manager corrects a contract's parties, value and dates
 * (PATCH /api/contracts/{id}); dates out of order are refused in plain words with nothing
 * changed, a scrutineer cannot change it, and the change is in the audit trail with its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAudit } from "../../src/store/audit.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

describe("correcting a contract", () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const path = "/api/contracts/sscl-bss";

  it("changes the fields named, keeps the others, and audits the reason", async () => {
    const before = (await call(server, "contract-manager", "GET", path)).json as Record<string, unknown>;
    const r = await call(server, "contract-manager", "PATCH", path, {
      supplier: "Shared Services Connected Limited",
      valuePence: 23_450_000_000,
      reason: "supplier's legal name and the value in the signed contract",
    });
    expect(r.status).toBe(200);
    const after = r.json as Record<string, unknown>;
    expect(after.supplier).toBe("Shared Services Connected Limited");
    expect(after.valuePence).toBe(23_450_000_000);
    expect(after.title).toBe(before.title);
    expect(after.startDate).toBe(before.startDate);
    const audit = await server.store.db
      .selectFrom("audit_log")
      .select(["action", "reason", "actor"])
      .where("entity", "=", "contract")
      .where("entity_id", "=", "sscl-bss")
      .orderBy("seq", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      action: "update",
      reason: "supplier's legal name and the value in the signed contract",
      actor: "contracts",
    });
    expect((await verifyAudit(server.store)).ok).toBe(true);
  });

  it("refuses an end before the start, naming the field, and changes nothing", async () => {
    const before = (await call(server, "contract-manager", "GET", path)).json as Record<string, unknown>;
    const r = await call(server, "contract-manager", "PATCH", path, {
      endDate: "2001-01-01",
      title: "Renamed",
      reason: "typo",
    });
    expect(r.status).toBe(400);
    expect((r.json as { detail: string }).detail).toMatch(
      /^endDate: the contract would end \(2001-01-01\) before it starts/,
    );
    expect((await call(server, "contract-manager", "GET", path)).json).toEqual(before);

    const empty = await call(server, "contract-manager", "PATCH", path, { reason: "nothing" });
    expect(empty.status).toBe(400);
    expect((empty.json as { detail: string }).detail).toContain("nothing to change");
    const money = await call(server, "contract-manager", "PATCH", path, { valuePence: 1.5, reason: "x" });
    expect(money.status).toBe(400);
  });

  it("lets only the contract side change it", async () => {
    const body = { title: "Renamed", reason: "x" };
    expect((await call(server, "scrutineer", "PATCH", path, body)).status).toBe(403);
    expect((await call(server, "public", "PATCH", path, body)).status).toBe(401);
    expect((await call(server, "contract-manager", "PATCH", "/api/contracts/no-such", body)).status).toBe(
      404,
    );
  });
});
