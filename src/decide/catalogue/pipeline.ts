/**
 * Pipeline summary: per wave, the services, their annual cost (pence) and staff; the share of
 * the catalogue's cost under market testing; and the findings of every catalogue check.
 */
import type { Finding } from "../finding.ts";
import { checkClassificationReason } from "./checks/classification-reason.ts";
import { checkCoreInWave } from "./checks/core-in-wave.ts";
import { checkWaveReferences } from "./checks/wave-references.ts";
import type { Catalogue } from "./types.ts";

export const CATALOGUE_CHECKS = [checkClassificationReason, checkWaveReferences, checkCoreInWave];

export interface WaveSummary {
  id: string;
  name: string;
  start: string;
  services: string[];
  annualCost: number;
  staff: number;
}

export interface PipelineSummary {
  waves: WaveSummary[];
  catalogueAnnualCost: number;
  marketTestedAnnualCost: number;
  shareMarketTested: number;
  findings: Finding[];
}

export function pipelineSummary(c: Catalogue): PipelineSummary {
  const byId = new Map(c.services.map((s) => [s.id, s]));
  const tested = new Set<string>();
  const waves = [...c.waves]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((w) => {
      let annualCost = 0;
      let staff = 0;
      for (const id of w.services) {
        const s = byId.get(id);
        if (!s || tested.has(id)) continue;
        tested.add(id);
        annualCost += s.annualCost;
        staff += s.staff;
      }
      return { id: w.id, name: w.name, start: w.start, services: [...w.services], annualCost, staff };
    });
  const catalogueAnnualCost = c.services.reduce((s, x) => s + x.annualCost, 0);
  const marketTestedAnnualCost = waves.reduce((s, w) => s + w.annualCost, 0);
  return {
    waves,
    catalogueAnnualCost,
    marketTestedAnnualCost,
    shareMarketTested: catalogueAnnualCost > 0 ? marketTestedAnnualCost / catalogueAnnualCost : 0,
    findings: CATALOGUE_CHECKS.flatMap((check) => check(c)),
  };
}
