/**
 * The payment mechanism store (and the owners recorded from a contract), written once and run on SQLite and on a real PostgreSQL server:
 * recorded, read back field for field (shares and days as numbers, empty ones as null), replaced
 * whole in one audited transaction, a bad one refused leaving the stored one as it was, and the
 * row carried by a backup into a fresh store.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../src/app/demo.ts";
import { setContractOwners } from "../../src/app/manage-dates.ts";
import { paymentMechanism, setPaymentMechanism } from "../../src/app/manage-payment.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { backup } from "../../src/store/backup.ts";
import { readOwnership } from "../../src/store/manage-dates.ts";
import type { Store } from "../../src/store/db.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const actor = { username: "contracts", reason: "from the contract's pricing schedule" };
const unitRates = {
  pricingBasis: "unit-rates" as const,
  painShareBp: null,
  gainShareBp: null,
  invoicing: "quarterly" as const,
  paymentTermsDays: 30,
  indexation: "fixed" as const,
  indexationRateBp: 250,
  indexationReviewOn: "2027-04-01",
  serviceCreditCapBp: null,
  note: "",
};

export function paymentStoreSuite(kind: string, target: StoreTarget): void {
  describe(`payment mechanism store on ${kind}`, () => {
    let store: Store;
    const { dir } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-payment-",
      opened: (s) => {
        store = s;
      },
    });

    it("records a mechanism and reads it back field for field, audited", async () => {
      const saved = await setPaymentMechanism(store, "em-tagging", unitRates, actor, {
        now: "2026-12-03T10:00:00.000Z",
      });
      expect(saved.mechanism).toEqual({ ...unitRates, updatedAt: "2026-12-03T10:00:00.000Z", demo: false });
      expect((await paymentMechanism(store, "em-tagging", false)).mechanism?.indexationRateBp).toBe(250);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("replaces it whole, and refuses a bad one leaving the stored one as it was", async () => {
      const target = {
        ...unitRates,
        pricingBasis: "target-cost" as const,
        painShareBp: 5000,
        gainShareBp: 2500,
        indexation: "none" as const,
        indexationRateBp: null,
        indexationReviewOn: null,
        serviceCreditCapBp: 1200,
      };
      await setPaymentMechanism(store, "em-tagging", target, actor);
      await expect(
        setPaymentMechanism(store, "em-tagging", { ...target, paymentTermsDays: 45 }, actor),
      ).rejects.toThrow(/30 days/);
      const m = (await paymentMechanism(store, "em-tagging", false)).mechanism;
      expect(m).toMatchObject({
        pricingBasis: "target-cost",
        painShareBp: 5000,
        gainShareBp: 2500,
        paymentTermsDays: 30,
      });
      expect(m?.indexationReviewOn).toBeNull();
    });

    it("records the owners of a contract's supplier from the contract, replacing the supplier's whole set", async () => {
      const d = await setContractOwners(
        store,
        "em-tagging",
        [
          { owner: "Parent plc", shareBp: 7500, fromDate: "2020-01-01" },
          { owner: "Founders LLP", shareBp: 2500, fromDate: "2020-01-01", toDate: null },
        ],
        actor,
        { today: "2026-12-03" },
      );
      expect(d.owners.map((o) => `${o.owner} ${o.shareBp}`)).toEqual([
        "Founders LLP 2500",
        "Parent plc 7500",
      ]);
      const supplier = (
        await store.db
          .selectFrom("contracts")
          .select("supplier")
          .where("id", "=", "em-tagging")
          .executeTakeFirstOrThrow()
      ).supplier;
      await expect(
        setContractOwners(store, "em-tagging", [{ owner: "Parent plc", shareBp: 10_001 }], actor),
      ).rejects.toThrow(/basis points/);
      const held = (await readOwnership(store)).filter((s) => s.supplier === supplier);
      expect(held.map((s) => s.shareBp).sort()).toEqual([2500, 7500]);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("is carried by a backup", async () => {
      const counts = await backup(store, join(dir, "backup.jsonl"));
      expect(counts.contract_payment_mechanisms).toBe(1);
    });
  });
}
