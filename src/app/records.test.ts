/**
 * The register's use cases on a real SQLite store holding the demo: the gate rules' flags are
 * added here (the store's decisions carry none), the public sees neither unpublished decisions
 * nor their flags, and a recorded decision comes back with the flags it earns and an audit entry.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "../store/audit.ts";
import { type Store, openMigrated } from "../store/db.ts";
import { listDecisions } from "../store/records.ts";
import { loadDemo } from "./demo.ts";
import { contractDetail, decisionsWithFlags, recordDecision, serviceDetail } from "./records.ts";

const dir = mkdtempSync(join(tmpdir(), "nous-app-records-"));
let store: Store;

beforeAll(async () => {
  store = await openMigrated(join(dir, "nous.db"));
  await loadDemo(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the register's use cases", () => {
  it("flags the finance service's approvals driven only by the savings target; the store's rows carry no flags", async () => {
    const finance = await decisionsWithFlags(store, { serviceId: "finance", publishedOnly: true });
    expect(finance.filter((d) => d.flags.includes("budget-driven")).map((d) => d.id)).toEqual([
      "d-2015-award",
      "d-2015-live",
    ]);
    const stored = await listDecisions(store, { publishedOnly: false });
    expect(stored.every((d) => d.flags.length === 0)).toBe(true);
  });

  it("shows staff a step out of order, and the public neither the decision nor its flag", async () => {
    const staff = await serviceDetail(store, "detention-officers", { publishedOnly: false });
    expect(staff.decisions.find((d) => d.id === "d-2016-detention-procurement")?.flags).toEqual([
      "not the logical order",
    ]);
    const pub = await decisionsWithFlags(store, { publishedOnly: true });
    expect(pub.map((d) => d.id)).not.toContain("d-2016-detention-procurement");
  });

  it("gives a contract its decisions with their flags", async () => {
    const sscl = await contractDetail(store, "sscl-bss", { publishedOnly: true });
    expect(sscl.decisions.map((d) => [d.id, d.flags])).toContainEqual(["d-2015-award", ["budget-driven"]]);
  });

  it("records a decision unpublished, answers it with the flag it earns, and audits who and why", async () => {
    const made = await recordDecision(
      store,
      {
        id: "d-test-catering-fbc",
        serviceId: "catering",
        decidedOn: "2026-11-30",
        gate: "full-business-case",
        title: "Catering FBC approved",
        outcome: "approved",
        drivers: ["savings target"],
        reason: "committee minute 12",
      },
      "commercial",
    );
    expect(made).toMatchObject({ published: false, decidedBy: "commercial", flags: ["budget-driven"] });
    const entry = (await listAudit(store, { entity: "decision", entityId: "d-test-catering-fbc" }))[0];
    expect(entry).toMatchObject({ action: "create", actor: "commercial", reason: "committee minute 12" });
  });
});
