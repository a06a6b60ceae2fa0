/**
 * The performance store, written once and run on SQLite and on a real PostgreSQL server: the
 * demo's KPIs with their measures and results, money as exact integer pence, a result file that
 * fails leaving nothing behind, obligations that roll on completion (and refuse a second
 * completion of the same occurrence), the attention items, and a backup that carries the tables.
 */
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../src/app/demo.ts";
import { importResults } from "../../src/app/manage-performance-import.ts";
import {
  addObligation,
  completeContractObligation,
  contractPerformance,
  listObligations,
  performanceAttention,
  recordResult,
  serviceCreditsFor,
  supplierScorecards,
} from "../../src/app/manage-performance.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { TABLES } from "../../src/store/backup.ts";
import type { Store } from "../../src/store/db.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const TODAY = "2026-12-03";
const actor = { username: "contracts", reason: "test" };

export function performanceStoreSuite(kind: string, target: StoreTarget): void {
  describe(`performance store on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-performance-store-",
      opened: (s) => {
        store = s;
      },
    });

    it("holds the demo KPIs with their measures, results judged and self-reports flagged", async () => {
      const p = await contractPerformance(store, "sscl-bss", TODAY);
      const payroll = p.kpis.find((k) => k.id === "sscl-bss-kpi-payroll");
      expect(payroll).toMatchObject({
        targetValue: "99.5",
        tolerance: "0.3",
        period: "monthly",
        weight: 3,
        source: "supplier",
      });
      expect(payroll?.results).toHaveLength(19);
      expect(payroll?.results.find((r) => r.periodEnd === "2026-03-31")).toMatchObject({
        // 98.9% against 99.5% with a tolerance of 0.3: 0.6 short, exactly twice the tolerance.
        outcome: "fail",
        computedRating: "requiresImprovement",
        unverified: true,
      });
      expect(payroll?.overdue).toEqual(["2026-11-30"]);
      const invoices = p.kpis.find((k) => k.id === "sscl-bss-kpi-invoices");
      expect(invoices?.results.find((r) => r.periodEnd === "2026-01-31")?.verifiedBy).toBe("contracts");
      // Invoices (weight 2) and payroll (3) require improvement, cases (1) is inadequate: 5 points of 18.
      expect(p.periods.find((x) => x.periodEnd === "2026-03-31")).toMatchObject({
        rating: "requiresImprovement",
        scorePercent: 27,
      });
    });

    it("keeps money in exact integer pence", async () => {
      const c = await serviceCreditsFor(store, "sscl-bss", TODAY);
      expect(c.regime?.monthlyChargePence).toBe(195_416_667);
      expect(Number.isInteger(c.totalCreditPence)).toBe(true);
      expect(c.months.find((m) => m.month === "2026-03")?.creditPence).toBe(9_770_833);
    });

    it("stores nothing from a file with a bad row, and the audit chain still verifies", async () => {
      const before = (await contractPerformance(store, "em-tagging", TODAY)).kpis.flatMap(
        (k) => k.results,
      ).length;
      const csv = "KPI,Period end,Result\nem-kpi-fitting,2026-03-31,99\nem-kpi-alerts,2026-03-31,lots\n";
      await expect(importResults(store, "em-tagging", "march.csv", Buffer.from(csv), actor)).rejects.toThrow(
        /KPI results!C3 \(Result\)/,
      );
      const after = (await contractPerformance(store, "em-tagging", TODAY)).kpis.flatMap(
        (k) => k.results,
      ).length;
      expect(after).toBe(before);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("records a result with a rating override and its reason", async () => {
      const r = await recordResult(
        store,
        "em-tagging",
        {
          kpiId: "em-kpi-billing",
          periodEnd: "2026-03-31",
          value: "3",
          ratingOverride: "requiresImprovement",
          overrideReason: "Disputes were the authority's late register, not the supplier's error",
        },
        actor,
      );
      expect(r).toMatchObject({
        outcome: "fail",
        computedRating: "inadequate",
        rating: "requiresImprovement",
      });
    });

    it("rolls a recurring obligation on completion and refuses the same occurrence twice", async () => {
      await addObligation(
        store,
        "sscl-bss",
        {
          id: "t-audit",
          kind: "audit",
          title: "Audit",
          owner: "Auditor",
          dueDate: "2026-11-30",
          recurrence: "quarterly",
        },
        actor,
      );
      const done = await completeContractObligation(
        store,
        "sscl-bss",
        "t-audit",
        { completedOn: "2026-12-01", evidence: "Report A-17" },
        actor,
        TODAY,
      );
      expect(done).toMatchObject({ dueDate: "2027-02-28", state: "open" });
      const listed = (await listObligations(store, "sscl-bss", TODAY)).find((o) => o.id === "t-audit");
      expect(listed?.completions).toEqual([
        {
          obligationId: "t-audit",
          dueDate: "2026-11-30",
          completedOn: "2026-12-01",
          evidence: "Report A-17",
          completedBy: "contracts",
        },
      ]);
      const states = Object.fromEntries(
        (await listObligations(store, "sscl-bss", TODAY)).map((o) => [o.id, o.state]),
      );
      expect(states["sscl-ob-open-book"]).toBe("overdue");
      expect(states["sscl-ob-service-report"]).toBe("overdue");
      expect(states["sscl-ob-insurance"]).toBe("open");
    });

    it("lists failing and overdue KPIs and overdue obligations as attention items", async () => {
      const items = await performanceAttention(store, TODAY);
      const ids = items.map((i) => i.id);
      expect(ids).toContain("kpi-overdue:sscl-bss:sscl-bss-kpi-payroll:2026-11-30");
      expect(ids).toContain("obligation-overdue:em-tagging:em-ob-data-return:2026-06-30");
      expect(
        items.find((i) => i.kind === "obligation-overdue" && i.recordId === "sscl-ob-open-book"),
      ).toMatchObject({
        severity: "high",
        daysLeft: -33,
        link: "/contracts/sscl-bss",
      });
      expect(items.some((i) => i.contractId === "custody-healthcare-2027" && i.kind.startsWith("kpi"))).toBe(
        false,
      );
    });

    it("scores each supplier across its contracts", async () => {
      const cards = await supplierScorecards(store);
      const sscl = cards.find((c) => c.supplier === "Shared Services Connected Ltd");
      expect(sscl?.series.map((s) => s.contractId)).toEqual(["sscl-bss"]);
      expect(sscl?.months[0]).toBe("2025-04");
      expect(cards.some((c) => c.supplier === "")).toBe(false);
    });

    it("backs up every performance table", () => {
      for (const t of [
        "kpi_results",
        "service_credit_regimes",
        "contract_obligations",
        "obligation_completions",
      ])
        expect(TABLES).toContain(t);
    });
  });
}
