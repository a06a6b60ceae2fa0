/**
 * The contract dates store, written once and run on SQLite and on a real PostgreSQL server: the
 * demo's terms and owners read back as recorded, the status and deadlines derived from them on a
 * given day, a term replaced whole in one audited transaction, and a bad term refused leaving
 * the stored one as it was.
 */
import { describe, expect, it } from "vitest";
import { contractDates, register, setContractTerm, withDerivedStatus } from "../../src/app/manage-dates.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { contractList } from "../../src/app/records.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import type { Store } from "../../src/store/db.ts";
import { readOwnership, readTerms } from "../../src/store/manage-dates.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const actor = { username: "contracts", reason: "term recorded from the signed contract" };

export function datesStoreSuite(kind: string, target: StoreTarget): void {
  describe(`contract dates store on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      seed: loadDemo,
      opened: (s) => {
        store = s;
      },
    });

    it("holds SSCL's term: 7 years, the 3-year option taken, extended from September 2025 to September 2027", async () => {
      const t = (await readTerms(store, ["sscl-bss"])).get("sscl-bss");
      expect(t?.initialEndDate).toBe("2022-09-30");
      expect(t?.options.map((o) => `${o.id} ${o.fromDate}..${o.toDate} ${o.state}`)).toEqual([
        "option-3-years 2022-09-30..2025-09-30 taken",
        "extension-2027 2025-09-30..2027-09-30 taken",
      ]);
      expect(t?.demo).toBe(true);
    });

    it("dates SSCL's ownership: 75/25 until November 2023, then Sopra Steria's alone", async () => {
      const shares = (await readOwnership(store)).filter(
        (s) => s.supplier === "Shared Services Connected Ltd",
      );
      expect(shares.map((s) => `${s.owner} ${s.shareBp} ${s.fromDate ?? "-"} ${s.toDate ?? "-"}`)).toEqual([
        "Cabinet Office 2500 - 2023-11-29",
        "Sopra Steria 7500 - 2023-11-29",
        "Sopra Steria 10000 2023-11-30 -",
      ]);
      const rows = await register(store, false, "2023-06-01");
      expect(rows.find((r) => r.id === "sscl-bss")?.owners).toBe("Sopra Steria 75%, Cabinet Office 25%");
    });

    it("shows the status derived from the dates: the electronic monitoring contract expired in December 2026", async () => {
      const list = await contractList(store, { publishedOnly: false });
      const em = list.find((c) => c.id === "em-tagging");
      expect(em?.status).not.toBe("active");
      const dec = await withDerivedStatus(store, list, false, "2026-12-03");
      expect(Object.fromEntries(dec.map((c) => [c.id, c.status]))).toEqual({
        "sscl-bss": "extended",
        "em-tagging": "expired",
        "custody-healthcare-2027": "tender open",
      });
      const march = await withDerivedStatus(store, list, false, "2026-03-31");
      expect(march.find((c) => c.id === "em-tagging")?.status).toBe("active");
    });

    it("warns that SSCL ends in September 2027: the decision on what follows is due 30 December 2026", async () => {
      const d = await contractDates(store, "sscl-bss", false, "2026-12-03");
      expect(d.currentEnd).toBe("2027-09-30");
      const decision = d.deadlines.find((x) => x.kind === "end-decision");
      expect(decision).toMatchObject({ date: "2026-12-30", daysLeft: 27 });
      expect(decision?.uid).toBe("sscl-bss-end-decision-term-2026-12-30@nous");
    });

    it("replaces a term whole, audited, and refuses a bad one leaving the stored term as it was", async () => {
      const before = (await readTerms(store, ["em-tagging"])).get("em-tagging");
      const d = await setContractTerm(
        store,
        "em-tagging",
        {
          initialEndDate: "2026-03-31",
          endNoticeMonths: 6,
          options: [
            { id: "o", fromDate: "2026-03-31", toDate: "2027-03-31", state: "taken", noticeMonths: 3 },
          ],
        },
        actor,
        { today: "2026-12-03" },
      );
      expect(d.status).toBe("extended");
      expect(d.term?.breakPoints).toEqual([]);
      await expect(
        setContractTerm(
          store,
          "em-tagging",
          {
            initialEndDate: "2026-03-31",
            endNoticeMonths: 6,
            options: [
              { id: "o", fromDate: "2026-03-31", toDate: "2026-03-01", state: "taken", noticeMonths: 3 },
            ],
          },
          actor,
        ),
      ).rejects.toMatchObject({ location: { path: "$.options[0].toDate" } });
      expect((await readTerms(store, ["em-tagging"])).get("em-tagging")?.options[0]?.toDate).toBe(
        "2027-03-31",
      );
      // Put the demo's term back for the tests after this one.
      if (before) await setContractTerm(store, "em-tagging", before, actor, { demo: true });
      const audit = await store.db
        .selectFrom("audit_log")
        .select("entity")
        .where("entity", "=", "contract_term")
        .where("actor", "=", "contracts")
        .execute();
      expect(audit.length).toBe(2);
      expect((await verifyAudit(store)).ok).toBe(true);
    });
  });
}
