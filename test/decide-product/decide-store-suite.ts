import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appraisalReport,
  gateHistory,
  horizonResult,
  putValidDocument,
  recordValidGateEvent,
} from "../../src/app/decide.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { parseCase, runCase } from "../../src/decide/index.ts";
import { documents } from "../../src/demo/decide.ts";
import { listAudit, verifyAudit, withAudit } from "../../src/store/audit.ts";
import { backup, restore } from "../../src/store/backup.ts";
import type { Store } from "../../src/store/db.ts";
import {
  electionCalendar,
  getDocument,
  listDocuments,
  listGateEvents,
  setDocumentPublished,
} from "../../src/store/decide.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

const actor = { username: "tester", reason: "test" };

export function decideStoreSuite(kind: string, target: StoreTarget): void {
  describe(`Decide store on ${kind}`, () => {
    let store: Store;
    const { dir } = useSuiteStore(target, {
      seed: loadDemo,
      tempDir: "nous-decide-store-",
      opened: (s) => {
        store = s;
      },
    });

    it("holds the demo deal: five documents and eleven gate events on sscl-bss", async () => {
      const docs = await listDocuments(store, null, { contractId: "sscl-bss", publishedOnly: true });
      expect(docs.map((d) => d.kind).sort()).toEqual([
        "appraisal",
        "capability",
        "dma",
        "horizon",
        "workforce",
      ]);
      const events = await listGateEvents(store, { contractId: "sscl-bss", publishedOnly: true });
      expect(events).toHaveLength(11);
      expect(events[0]).toMatchObject({
        gate: "pipeline",
        date: "2013-06-01",
        evidence: ["service-record", "pipeline-entry"],
      });
    });

    it("gives the engine's appraisal for the stored case", async () => {
      const doc = await getDocument(store, "appraisal", "sscl-bss-appraisal", true);
      const caseFile = documents.find((d) => d.id === "sscl-bss-appraisal")!.document;
      const opts = { seed: 7, iterations: 2000 };
      expect(appraisalReport(doc.document, opts)).toEqual(runCase(parseCase(caseFile), opts));
    });

    it("reads the London mayoral calendar from the elections table for the horizon", async () => {
      const cal = await electionCalendar(store);
      expect(cal?.dates).toEqual(["2012-05-03", "2016-05-05", "2021-05-06", "2024-05-02", "2028-05-04"]);
      const doc = await getDocument(store, "horizon", "sscl-bss-horizon", true);
      const h = await horizonResult(store, doc.document);
      expect(h.decidingAdministration).toBe("2012-2016");
      expect(h.administrationsBound).toBe(3);
      expect(h.administrations.map((a) => a.label)).toEqual([
        "2012-2016",
        "2016-2021",
        "2021-2024",
        "2024-2028",
      ]);
      expect(h.electionsFrom).toBe("elections table (london-mayor)");
    });

    it("flags the deal's out-of-order procurement start and budget-driven approvals", async () => {
      const h = gateHistory(await listGateEvents(store, { contractId: "sscl-bss", publishedOnly: true }));
      expect(h.outOfOrder).toBe(2);
      expect(h.budgetDriven).toBe(3);
      expect(h.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(h.events.find((e) => e.id === "g-bss-procurement-start")?.flags).toEqual([
        "not the logical order",
      ]);
      expect(h.current).toBe("contract-management");
      // Stored with the event (migration 012): the assessment's option and the one chosen.
      const dma = h.events.find((e) => e.id === "g-bss-dma")!;
      expect([dma.assessmentRecommends, dma.optionChosen]).toEqual(["in-house-reformed", "sscl"]);
      expect(dma.findings.map((f) => f.code)).toContain("G-AGAINST-ASSESSMENT");
    });

    it("validates, audits and hides unpublished documents; replacing one is an update", async () => {
      const bad = withAudit(store, (trx) =>
        putValidDocument(
          trx,
          {
            kind: "workforce",
            id: "bad",
            serviceId: null,
            contractId: null,
            title: "t",
            document: { service: "x" },
          },
          actor,
        ),
      );
      await expect(bad).rejects.toThrow(/\$\.document\.postsInScope: required: expected a number/);
      const doc = {
        kind: "workforce" as const,
        id: "catering-workforce",
        serviceId: "catering",
        contractId: null,
        title: "Catering staff",
        document: {
          service: "Catering",
          postsInScope: 300,
          transferred: 280,
          retained: 20,
          redundant: 0,
          zeroHours: { status: "no", source: "tender response" },
        },
      };
      expect(await withAudit(store, (trx) => putValidDocument(trx, doc, actor))).toBe("create");
      expect(
        await withAudit(store, (trx) =>
          putValidDocument(trx, { ...doc, title: "Catering staff (v2)" }, actor),
        ),
      ).toBe("update");
      await expect(getDocument(store, "workforce", "catering-workforce", true)).rejects.toThrow(/not found/);
      await withAudit(store, (trx) =>
        setDocumentPublished(trx, "workforce", "catering-workforce", true, actor),
      );
      expect((await getDocument(store, "workforce", "catering-workforce", true)).title).toBe(
        "Catering staff (v2)",
      );
      const audit = await listAudit(store, { entity: "decide-workforce", entityId: "catering-workforce" });
      expect(audit.map((a) => a.action)).toEqual(["publish", "update", "create"]);
      expect((await verifyAudit(store)).ok).toBe(true);
    });

    it("refuses a gate event with a role the gates do not know, naming the field", async () => {
      const bad = withAudit(store, (trx) =>
        recordValidGateEvent(
          trx,
          {
            id: "g-x",
            serviceId: "catering",
            contractId: null,
            gate: "award",
            action: "approve",
            date: "2016-01-01",
            by: "x",
            role: "scrutineer",
          },
          actor,
        ),
      );
      await expect(bad).rejects.toThrow(/^\$\.role: /);
      expect(await listGateEvents(store, { serviceId: "catering", publishedOnly: false })).toEqual([]);
    });

    it("backs up and restores every Decide row", async () => {
      const file = join(dir, "backup.jsonl");
      const counts = await backup(store, file);
      expect(counts.decide_documents).toBe(6);
      expect(counts.decide_gate_events).toBe(11);
      await restore(store, file, { force: true });
      expect(await listDocuments(store, null, { publishedOnly: false })).toHaveLength(6);
    });
  });
}
