/**
 * What the red-flags API reads from the store, written once and run on SQLite and on a real
 * PostgreSQL server: the buyers of the stored releases, each process compiled from all its
 * releases, the size limit, and the demo releases loaded once and only once.
 */
import { describe, expect, it } from "vitest";
import { compiledProcesses } from "../../src/app/flags-run.ts";
import { loadFlagsDemo } from "../../src/app/ocds-demo.ts";
import { DEMO_ORG_IDS, MET_NAME, MOPAC_NAME, mopacOcid, SSCL_OCID } from "../../src/demo/releases.ts";
import { runIndicators } from "../../src/flags/engine.ts";
import { allIndicatorsSettings } from "../../src/flags/settings.ts";
import { verifyAudit } from "../../src/store/audit.ts";
import type { Store } from "../../src/store/db.ts";
import { listReleaseBuyers } from "../../src/store/flags.ts";
import { type StoreTarget, useSuiteStore } from "../support/store-suite.ts";

// biome-ignore lint/suspicious/noExplicitAny: compiled releases are untyped JSON; the test reads known paths.
type Json = any;

export function flagsStoreSuite(kind: string, target: StoreTarget): void {
  describe(`red-flags store reads on ${kind}`, () => {
    let store: Store;
    useSuiteStore(target, {
      seed: async (s) => {
        const first = await loadFlagsDemo(s);
        expect(first).toEqual({ received: 124, inserted: 124, unchanged: 0 });
      },
      opened: (s) => {
        store = s;
      },
    });

    it("lists the buyers with their processes and releases", async () => {
      expect(await listReleaseBuyers(store)).toEqual([
        { buyer: MOPAC_NAME, processes: 56, releases: 104 },
        { buyer: MET_NAME, processes: 10, releases: 20 },
      ]);
    });

    it("compiles each of a buyer's processes from all its releases", async () => {
      const got = await compiledProcesses(store, { buyer: MOPAC_NAME, maxReleases: 1000 });
      expect(got.tooMany).toBe(false);
      expect(got.releases).toBe(104);
      expect(got.compiled).toHaveLength(56);
      const ocids = got.compiled.map((c) => c.ocid as string);
      expect(ocids).toEqual([...ocids].sort());
      const p8 = got.compiled.find((c) => c.ocid === mopacOcid(8)) as Record<string, Json>;
      // From the tender release: the title and period; from the award release: bids and award.
      expect(p8.tag).toEqual(["compiled"]);
      expect(p8.tender.title).toMatch(/demo MOPAC 8/);
      expect(p8.tender.status).toBe("complete");
      expect(p8.tender.tenderPeriod.endDate).toBe("2019-11-11T00:00:00Z");
      expect(p8.bids.details.length).toBeGreaterThan(1);
      expect(p8.parties.map((p: { id: string }) => p.id)).toContain(DEMO_ORG_IDS.mopac);
      const sscl = got.compiled.find((c) => c.ocid === SSCL_OCID) as Record<string, Json>;
      expect(sscl.awards[0].value).toEqual({ amount: 234_500_000, currency: "GBP" });
      expect(sscl.awards[0].suppliers[0].name).toBe("Shared Services Connected Ltd");
      const flagged = runIndicators(allIndicatorsSettings(), got.compiled).results.OCID;
      expect(flagged.get(mopacOcid(8))?.get("R003")).toBe(1);
    });

    it("compiles every process when no buyer is given, and refuses more than the limit", async () => {
      const all = await compiledProcesses(store, { maxReleases: 1000 });
      expect(all.compiled).toHaveLength(66);
      const over = await compiledProcesses(store, { buyer: MOPAC_NAME, maxReleases: 103 });
      expect(over).toEqual({ compiled: [], releases: 104, tooMany: true });
    });

    it("loads the demo releases once: a second load changes nothing, and the audit chain holds", async () => {
      expect(await loadFlagsDemo(store)).toEqual({ received: 124, inserted: 0, unchanged: 124 });
      expect((await verifyAudit(store)).ok).toBe(true);
    });
  });
}
