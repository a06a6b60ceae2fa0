/**
 * Data quality of the OCDS releases nous holds: the releases are compiled per ocid (the
 * engine's merge), then the field coverage of the compiled releases is counted (the coverage
 * engine in src/flags/coverage.ts) and the five coherence checks run over them
 * (src/ocds/quality/). Each check comes with what it detects and why it matters to an auditor.
 */
import { coverageFold, type Coverage } from "../flags/coverage.ts";
import { compileRelease } from "../ocds/merge.ts";
import { runQualityChecks } from "../ocds/quality/index.ts";
import type { QualityFinding } from "../ocds/quality/check.ts";
import { releaseRules } from "../ocds/schema.ts";
import type { JsonObject } from "../ocds/types.ts";
import type { Store } from "./db.ts";

export const CHECK_EXPLANATIONS: Record<string, { detects: string; matters: string }> = {
  "period-order": {
    detects: "Any period (tender, award, contract, budget) that ends before it starts.",
    matters:
      "Every duration and deadline computed from it is wrong: bid windows, contract length, how long a decision stays accountable.",
  },
  "contract-award-value": {
    detects: "A contract whose value is under 50% or over 150% of the award it came from (same currency).",
    matters:
      "Suggests a unit error, an annual value against a total, or a change that should have been competed or published as a contract change notice (UK10).",
  },
  "transactions-within-contract": {
    detects: "Payments recorded against a contract that add up to more than the contract is worth.",
    matters:
      "Money paid that was never contracted: an unpublished change, a missing amendment, or overbilling.",
  },
  "parties-present": {
    detects: "A buyer, procuring entity, tenderer or supplier whose id is not listed in parties.",
    matters: "Nobody can tell who bought or who was paid, and red flags that group by organisation miss it.",
  },
  "date-order": {
    detects: "An award dated before the tender opened, or a contract signed before its award.",
    matters: "Wrong dates, or a process run out of order: a direct award dressed up as a competition.",
  },
};

export interface CoverageRow {
  /** Cardinal path syntax, e.g. "/awards[]/value/amount". */
  path: string;
  /** Compiled releases in which the field is present and non-empty (counted once per release). */
  releases: number;
  /** releases / all compiled releases, 0..1. */
  share: number;
}

export interface QualityCheckOutcome {
  id: string;
  name: string;
  detects: string;
  matters: string;
  checked: number;
  failed: number;
  findings: QualityFinding[];
}

export interface QualityResult {
  buyer: string | null;
  releases: number;
  compiledReleases: number;
  coherent: number;
  coverage: CoverageRow[];
  checks: QualityCheckOutcome[];
}

/** Field paths present in a value, each once (for per-release coverage). */
function presentPaths(value: unknown): Set<string> {
  const c: Coverage = new Map();
  coverageFold(c, value);
  return new Set(c.keys());
}

export async function ocdsQuality(
  store: Store,
  opts: { buyer?: string; maxFindings?: number } = {},
): Promise<QualityResult> {
  let q = store.db.selectFrom("releases").select(["ocid", "data_json"]).orderBy("ocid").orderBy("date");
  if (opts.buyer) q = q.where("buyer", "=", opts.buyer);
  const rows = await q.execute();
  const byOcid = new Map<string, JsonObject[]>();
  for (const r of rows) {
    let list = byOcid.get(r.ocid);
    if (!list) {
      list = [];
      byOcid.set(r.ocid, list);
    }
    list.push(JSON.parse(r.data_json) as JsonObject);
  }
  const rules = releaseRules();
  const compiled: JsonObject[] = [];
  for (const list of byOcid.values()) compiled.push(compileRelease(list, { rules }));
  const counts = new Map<string, number>();
  for (const c of compiled) for (const p of presentPaths(c)) counts.set(p, (counts.get(p) ?? 0) + 1);
  const n = compiled.length;
  const coverage = [...counts]
    .filter(([p]) => p !== "" && !p.endsWith("/"))
    .map(([path, k]) => ({ path, releases: k, share: n ? k / n : 0 }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const report = runQualityChecks(compiled, { maxExamples: opts.maxFindings ?? 200 });
  return {
    buyer: opts.buyer ?? null,
    releases: rows.length,
    compiledReleases: n,
    coherent: report.coherent,
    coverage,
    checks: report.checks.map((c) => ({
      id: c.id,
      name: c.name,
      detects: CHECK_EXPLANATIONS[c.id]?.detects ?? "",
      matters: CHECK_EXPLANATIONS[c.id]?.matters ?? "",
      checked: c.checked,
      failed: c.failed,
      findings: c.examples,
    })),
  };
}
