/**
 * Each family's registry is the one list its ids, titles and loops come from: nothing is listed
 * by hand elsewhere, so a rule added to a registry is run, titled and summarised, and a rule not
 * in it is not.
 */
import { describe, expect, it } from "vitest";
import { buildDataset } from "../../src/billing/dataset.ts";
import { activeRules } from "../../src/billing/reconcile.ts";
import { BILLING_RULES, BILLING_TITLES, RULE_IDS } from "../../src/billing/rules/index.ts";
import { GATE_CHECKS, GATE_TITLES } from "../../src/decide/gates/checks/index.ts";
import { evaluateGates } from "../../src/decide/gates/evaluate.ts";
import { indicatorMetadata } from "../../src/flags/engine.ts";
import { FLAG_RULES, FLAG_TITLES } from "../../src/flags/indicators/index.ts";
import { INDICATOR_CODES } from "../../src/flags/settings.ts";
import { QUALITY_CHECKS, QUALITY_TITLES, runQualityChecks } from "../../src/ocds/quality/index.ts";
import { baseWorld, line } from "../billing/fixture.ts";

describe("billing", () => {
  it("RULE_IDS are the registry's ids in id order, and every registered rule runs on a full dataset", () => {
    expect(RULE_IDS).toEqual(BILLING_RULES.map((r) => r.id).sort());
    const w = baseWorld();
    w.invoiceLines = [line("L1", "2015-03-01", "2015-03-02")];
    const a = activeRules(buildDataset(w));
    expect([...a.rules, ...a.lineRules].map((r) => r.id)).toEqual(BILLING_RULES.map((r) => r.id));
    expect(a.skipped).toEqual([]);
  });
  it("day rules come before line rules in the registry (a day takes the first rule that fails it)", () => {
    const kinds = BILLING_RULES.map((r) => r.kind).join(",");
    expect(kinds).toMatch(/^(day,)*day(,line)*$/);
  });
  it("titles come from the registry", () => {
    expect(BILLING_TITLES.B08).toBe("Day billed twice");
    expect(Object.keys(BILLING_TITLES)).toEqual(BILLING_RULES.map((r) => r.id));
  });
});

describe("flags", () => {
  it("the settings codes, the engine's metadata and the titles are the registry's", () => {
    const codes = FLAG_RULES.map((m) => m.meta.code);
    expect([...INDICATOR_CODES]).toEqual([...codes].sort());
    expect(indicatorMetadata().map((m) => m.code)).toEqual([...INDICATOR_CODES]);
    expect(Object.keys(FLAG_TITLES)).toEqual(codes);
    expect(FLAG_TITLES.R018).toBe("Single bid received");
  });
  it("each descriptor is the indicator's own meta", () => {
    for (const m of FLAG_RULES) {
      expect(m.descriptor).toEqual({
        id: m.meta.code,
        family: "flag",
        name: m.meta.name,
        detects: m.meta.definition,
        whyItMatters: m.meta.risk,
        settings: m.meta.settings,
      });
    }
  });
});

describe("quality and gates", () => {
  it("the quality report lists every registered check, in registry order, with its title", () => {
    const report = runQualityChecks([{ ocid: "x" }]);
    expect(report.checks.map((c) => [c.id, c.name])).toEqual(QUALITY_CHECKS.map((c) => [c.id, QUALITY_TITLES[c.id]]));
  });
  it("every gate check's id is the first code it raises, and titles come from the registry", () => {
    for (const c of GATE_CHECKS) expect(c.codes[0]).toBe(c.id);
    expect(Object.keys(GATE_TITLES)).toEqual(GATE_CHECKS.map((c) => c.id));
    const ev = evaluateGates([
      { gate: "strategic-outline", action: "approve", date: "2025-01-01", by: "x", role: "commercial", drivers: [] },
    ]);
    for (const f of ev.findings) expect(GATE_CHECKS.some((c) => c.codes.includes(f.code)) || f.code === "G-UNKNOWN").toBe(true);
  });
});
