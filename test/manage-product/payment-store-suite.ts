/**
 * The payment mechanism store, written once and run on SQLite and on a real PostgreSQL server:
 * recorded, read back field for field (shares and days as numbers, empty ones as null), replaced
 * whole in one audited transaction, a bad one refused leaving the stored one as it was, and the
 * row carried by a backup into a fresh store.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDemo } from "../../src/app/demo.ts";
import { paymentMechanism, setPaymentMechanism } from "../../src/app/manage-payment.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import { backup } from "../../src/store/backup.ts";
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

    it("is carried by a backup", async () => {
      const counts = await backup(store, join(dir, "backup.jsonl"));
      expect(counts.contract_payment_mechanisms).toBe(1);
    });
  });
}
