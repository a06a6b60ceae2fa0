/**
 * The data quality of the OCDS releases nous holds (`GET /api/ocds/quality`): the releases are
 * compiled per ocid (the engine's merge), the field coverage of the compiled releases is counted
 * (src/flags/coverage.ts) and the coherence checks of src/ocds/quality/ run over them, each
 * answered with what it detects and why it matters, from the check's own descriptor.
 */
import type { QualityReport } from "../contract/ocds.ts";
import { type Coverage, coverageFold } from "../flags/coverage.ts";
import { compileRelease } from "../ocds/merge.ts";
import { QUALITY_CHECKS, runQualityChecks } from "../ocds/quality/index.ts";
import { releaseRules } from "../ocds/schema.ts";
import type { JsonObject } from "../ocds/types.ts";
import type { Store } from "../store/db.ts";
import { releasesByOcid } from "../store/ocds-quality.ts";

/** Field paths present in a value, each once (for per-release coverage). */
function presentPaths(value: unknown): Set<string> {
  const c: Coverage = new Map();
  coverageFold(c, value);
  return new Set(c.keys());
}

export async function ocdsQuality(
  store: Store,
  opts: { buyer?: string; maxFindings?: number } = {},
): Promise<QualityReport> {
  const { releases, byOcid } = await releasesByOcid(store, opts.buyer ? { buyer: opts.buyer } : {});
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
  const descriptors = new Map(QUALITY_CHECKS.map((c) => [c.id, c]));
  return {
    buyer: opts.buyer ?? null,
    releases,
    compiledReleases: n,
    coherent: report.coherent,
    coverage,
    checks: report.checks.map((c) => ({
      id: c.id,
      name: c.name,
      detects: descriptors.get(c.id)?.detects ?? "",
      matters: descriptors.get(c.id)?.whyItMatters ?? "",
      checked: c.checked,
      failed: c.failed,
      findings: c.examples,
    })),
  };
}
