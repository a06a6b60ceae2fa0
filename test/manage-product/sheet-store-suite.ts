/**
 * The contract sheet (src/app/contract-sheet.ts), written once and run on SQLite and on a real
 * PostgreSQL server: the four sections written in one audited transaction and read back; a
 * section refused by its rule leaves every table as it was; and a write that fails inside the
 * transaction, after the base fields were written in it, rolls them back too.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { saveContractSheet } from "../../src/app/contract-sheet.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import type { Store } from "../../src/store/db.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const actor = { username: "contracts", reason: "from the signed contract" };
const id = "em-tagging";
const payment = {
  pricingBasis: "fixed-price" as const,
  painShareBp: null,
  gainShareBp: null,
  invoicing: "quarterly" as const,
  paymentTermsDays: 30,
  indexation: "none" as const,
  indexationRateBp: null,
  indexationReviewOn: null,
  serviceCreditCapBp: null,
};

export function sheetStoreSuite(kind: string, target: StoreTarget): void {
  describe(`contract sheet on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-sheet-",
      opened: (s) => {
        store = s;
      },
    });

    /** What the sheet may change, as stored: the contract row, the owners, term and mechanism. */
    const stored = async () => {
      const contract = await store.db
        .selectFrom("contracts")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      return {
        contract,
        owners: await store.db
          .selectFrom("supplier_owners")
          .selectAll()
          .where("supplier", "=", contract.supplier)
          .orderBy("id")
          .execute(),
        term: await store.db.selectFrom("contract_terms").selectAll().where("contract_id", "=", id).execute(),
        payment: await store.db
          .selectFrom("contract_payment_mechanisms")
          .selectAll()
          .where("contract_id", "=", id)
          .execute(),
        audit: await store.db.selectFrom("audit_head").selectAll().execute(),
      };
    };

    it("writes the four sections together and reads them back, audited", async () => {
      const saved = await saveContractSheet(
        store,
        id,
        {
          contract: { valuePence: 9_900_000 },
          owners: [{ owner: "Parent plc", shareBp: 10_000, fromDate: "2021-01-01" }],
          term: { initialEndDate: "2031-03-31", endNoticeMonths: 6 },
          payment,
        },
        actor,
        { now: "2026-12-03T10:00:00.000Z", today: "2026-12-03" },
      );
      expect(saved.contract.valuePence).toBe(9_900_000);
      expect(saved.dates.owners.map((o) => [o.owner, o.shareBp])).toEqual([["Parent plc", 10_000]]);
      expect(saved.dates.term?.initialEndDate).toBe("2031-03-31");
      expect(saved.payment.mechanism).toMatchObject({
        ...payment,
        note: "",
        updatedAt: "2026-12-03T10:00:00.000Z",
      });
      const s = await stored();
      expect(Number(s.contract.value_pence)).toBe(9_900_000);
      expect(s.owners.map((o) => o.owner)).toEqual(["Parent plc"]);
      expect(s.term.map((t) => t.initial_end_date)).toEqual(["2031-03-31"]);
      expect(s.payment.map((p) => p.pricing_basis)).toEqual(["fixed-price"]);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("refuses a bad term, naming it, with nothing written", async () => {
      const before = await stored();
      await expect(
        saveContractSheet(
          store,
          id,
          {
            contract: { valuePence: 1 },
            owners: [{ owner: "Other plc", shareBp: 5000 }],
            term: { initialEndDate: "1999-01-01", endNoticeMonths: 6 },
            payment: { ...payment, pricingBasis: "unit-rates" },
          },
          actor,
        ),
      ).rejects.toThrow(/^Term: the initial term ends \(1999-01-01\) before the contract starts/);
      expect(await stored()).toEqual(before);
    });

    it("rolls back the base fields when a later write fails inside the transaction", async () => {
      const before = await stored();
      // The owners' table is moved away for the moment, so the owners write fails, after the
      // contract row was updated in the same transaction.
      await sql`alter table supplier_owners rename to supplier_owners_away`.execute(store.db);
      try {
        await expect(
          saveContractSheet(
            store,
            id,
            {
              contract: { valuePence: 2 },
              owners: [{ owner: "Away plc", shareBp: 5000, fromDate: "2022-01-01" }],
            },
            actor,
          ),
        ).rejects.toThrow(/no such table|does not exist/i);
      } finally {
        await sql`alter table supplier_owners_away rename to supplier_owners`.execute(store.db);
      }
      expect(await stored()).toEqual(before);
      expect((await verifyAudit(store)).ok).toBe(true);
    });
  });
}
