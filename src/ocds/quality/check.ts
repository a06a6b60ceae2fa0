/**
 * The shape of a data-quality coherence check over compiled releases, and helpers the checks
 * share. Each check carries the shared rule descriptor and runs as a fold (src/shared/rule.ts),
 * so checks run in one pass, can be split across workers and reduced.
 */
import type { Rule, RuleDescriptor } from "../../shared/rule.ts";
import { isObject, type Json, type JsonObject } from "../types.ts";

export interface QualityFinding {
  ocid: string;
  /** JSON path in the compiled release, e.g. `$.contracts[0].value.amount`. */
  path: string;
  message: string;
}

/** A check is a rule descriptor (id, name, what it detects, why it matters) with a run. */
export interface QualityCheck extends RuleDescriptor {
  readonly family: "quality";
  /** Findings for one compiled release; empty when it is coherent. */
  run(release: JsonObject): QualityFinding[];
}

export interface CheckResult {
  id: string;
  name: string;
  /** Releases the check looked at. */
  checked: number;
  /** Releases with at least one finding. */
  failed: number;
  findings: number;
  /** The first findings, as examples. */
  examples: QualityFinding[];
}

interface Acc {
  checked: number;
  failed: number;
  findings: number;
  examples: QualityFinding[];
}

/** A check as a Rule folding over compiled releases. */
export function asRule(check: QualityCheck, maxExamples = 20): Rule<JsonObject, Acc, CheckResult> {
  return {
    id: check.id,
    name: check.name,
    init: () => ({ checked: 0, failed: 0, findings: 0, examples: [] }),
    fold(acc, release) {
      acc.checked++;
      const f = check.run(release);
      if (f.length) {
        acc.failed++;
        acc.findings += f.length;
        for (const x of f) if (acc.examples.length < maxExamples) acc.examples.push(x);
      }
      return acc;
    },
    reduce: (a, b) => ({
      checked: a.checked + b.checked,
      failed: a.failed + b.failed,
      findings: a.findings + b.findings,
      examples: [...a.examples, ...b.examples].slice(0, maxExamples),
    }),
    finalize: (acc) => ({ id: check.id, name: check.name, ...acc }),
  };
}

export function ocidOf(r: JsonObject): string {
  return typeof r.ocid === "string" ? r.ocid : "";
}

export function objects(v: Json | undefined): JsonObject[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** Milliseconds since the epoch for an ISO date or date-time, or null when it is not one. */
export function instant(v: Json | undefined): number | null {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
  return Number.isNaN(t) ? null : t;
}

/** An OCDS Value as integer minor units and currency, or null when it has no numeric amount. */
export function money(v: Json | undefined): { minor: number; currency: string } | null {
  if (!isObject(v) || typeof v.amount !== "number" || !Number.isFinite(v.amount)) return null;
  return { minor: Math.round(v.amount * 100), currency: typeof v.currency === "string" ? v.currency : "" };
}

export function fmt(minor: number, currency: string): string {
  const s = (minor / 100).toFixed(2);
  return currency ? `${s} ${currency}` : s;
}
