/**
 * The billing store, written once and run on SQLite and on a real PostgreSQL server: the demo
 * run and its exceptions, money as exact integer pence (bigint on PostgreSQL), the workflow,
 * an upload that fails leaving nothing behind, and a backup that carries the billing tables.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { reconcile } from "../../src/billing/index.ts";
import { demoBillingFiles } from "../../src/demo/billing.ts";
import { loadBillingTexts } from "../../src/io/billing-load.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { backup, restore } from "../../src/store/backup.ts";
import {
  billingTotals,
  exceptionDetail,
  exceptionQueue,
  listRuns,
  moveException,
  uploadRun,
} from "../../src/app/billing.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

export function billingStoreSuite(kind: string, target: StoreTarget): void {
  describe(`billing store on ${kind}`, () => {
    let store: Store;
    const { dir, create } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-billing-store-",
      opened: (s) => {
        store = s;
      },
    });

    it("holds the demo contract's run with the engine's figures in integer pence", async () => {
      const [run] = await listRuns(store, "em-tagging");
      const engine = reconcile(loadBillingTexts(demoBillingFiles()).dataset);
      expect(run).toMatchObject({
        current: true,
        lines: engine.summary.lines,
        billedPence: engine.summary.billed,
        atRiskPence: engine.summary.atRisk,
        exceptions: engine.exceptions.length,
        demo: true,
      });
      expect(Number.isInteger(run!.billedPence)).toBe(true);
      const page = await exceptionQueue(store, { contractId: "em-tagging", groupBy: "rule", pageSize: 10 });
      expect(page.total).toBe(engine.exceptions.length);
      expect(page.totalAmountPence).toBe(engine.summary.atRisk);
      expect(typeof page.groups[0]!.amountPence).toBe("number");
      expect(page.items[0]!.amountPence).toBeGreaterThanOrEqual(page.items[9]!.amountPence);
    });

    it("never lets the officer who disputed a charge also accept it, and stores nothing when refused", async () => {
      const open = await exceptionQueue(store, { contractId: "em-tagging", state: "open", rule: "B02" });
      const id = open.items.at(-1)!.id;
      await moveException(store, id, "dispute", { username: "admin", reason: "not delivered" });
      await moveException(store, id, "reopen", { username: "contracts", reason: "supplier sent evidence" });
      const refused = await moveException(store, id, "accept", { username: "admin", reason: "fine" }).then(
        () => null,
        (e: unknown) => e as { code: string; status: number; message: string },
      );
      expect(refused).toMatchObject({ code: "separation_of_duties", status: 403 });
      expect(refused?.message).toMatch(/^you disputed exception .*, so another officer must accept it/);
      const still = await exceptionDetail(store, id);
      expect(still.state).toBe("open");
      expect(still.history).toHaveLength(2);
      const accepted = await moveException(store, id, "accept", { username: "finance", reason: "evidence holds" });
      expect(accepted.history.at(-1)).toMatchObject({ actor: "finance", to: "accepted" });
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("records a workflow step in the exception's history and the audit chain", async () => {
      const open = await exceptionQueue(store, { contractId: "em-tagging", state: "open", rule: "B02" });
      const id = open.items[0]!.id;
      const after = await moveException(store, id, "accept", {
        username: "finance",
        reason: "agreed",
      });
      expect(after.state).toBe("accepted");
      expect(after.history.at(-1)).toMatchObject({ actor: "finance", from: "open", to: "accepted" });
      const reopened = await moveException(store, id, "reopen", {
        username: "admin",
        reason: "mistake",
      });
      expect(reopened.state).toBe("open");
      expect(reopened.history).toHaveLength(2);
      expect((await verifyAudit(store)).ok).toBe(true);
      const t = await billingTotals(store, "em-tagging");
      expect(t.openPence + t.disputedPence + t.acceptedPence + t.recoveredAtRiskPence).toBe(t.atRiskPence);
    });

    it("stores nothing when an upload has a bad row", async () => {
      const files = demoBillingFiles();
      const runs = (await listRuns(store, "em-tagging")).length;
      const bad = { ...files, "prices.csv": `${files["prices.csv"]}em-tagging,EM-RF,2020-01-01,,12.345\n` };
      await expect(uploadRun(store, "em-tagging", bad, { username: "admin", reason: "x" })).rejects.toThrow(
        /^prices\.csv:6: unit_price: expected an amount in pounds with up to 2 decimals, got "12\.345"$/,
      );
      expect(await listRuns(store, "em-tagging")).toHaveLength(runs);
    });

    it("takes two uploads for one contract at once in turn: one latest run", async () => {
      const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "billing", "small");
      const files = Object.fromEntries(
        readdirSync(dir)
          .filter((f) => f.endsWith(".csv") && !f.startsWith("expected"))
          .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
      );
      const runs = await Promise.all(
        [1, 2].map((n) => uploadRun(store, "sscl-bss", files, { username: "admin", reason: `upload ${n}` })),
      );
      expect(runs.map((r) => r.seq).sort()).toEqual([1, 2]);
      const stored = await listRuns(store, "sscl-bss");
      expect(stored.filter((r) => r.current).map((r) => r.seq)).toEqual([2]);
      const page = await exceptionQueue(store, { contractId: "sscl-bss" });
      expect(page.total).toBe(runs[0]!.exceptions);
    });

    it("backs up and restores the billing tables with the evidence", async () => {
      const file = join(dir, "backup.jsonl");
      const counts = await backup(store, file);
      expect(counts.billing_runs).toBe(3);
      expect(counts.billing_exceptions).toBeGreaterThan(50);
      expect(counts.billing_exception_events).toBeGreaterThan(3);
      const db = await create();
      const copy = await openMigrated(db.url);
      try {
        await restore(copy, file);
        const a = await exceptionQueue(store, { contractId: "em-tagging", pageSize: 5 });
        const b = await exceptionQueue(copy, { contractId: "em-tagging", pageSize: 5 });
        expect(b).toEqual(a);
        const ex = await exceptionDetail(copy, a.items[0]!.id);
        expect((ex.evidence as { line: { lineId: string } }).line.lineId).toBe(a.items[0]!.lineId);
      } finally {
        await copy.close();
      }
    });
  });
}
