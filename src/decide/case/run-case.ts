/**
 * Runs a whole appraisal case: deterministic appraisal, switching values, a tornado table for
 * the preferred option and, when the case has uncertain inputs, a Monte Carlo simulation.
 * Money in the report is decimal strings in pounds (to the penny); ratios and probabilities
 * are numbers.
 */
import { penceToDecimal, poundsToPence } from "../../shared/money.ts";
import { appraise } from "../appraisal/appraise.ts";
import type { Discounting } from "../appraisal/discount.ts";
import { appraisalDrivers } from "../appraisal/drivers.ts";
import { tornado } from "../appraisal/sensitivity.ts";
import { switchingValues } from "../appraisal/switching-values.ts";
import { discountRateSwitching } from "../appraisal/discount-rate-switching.ts";
import type { AppraisalInput } from "../appraisal/types.ts";
import { distributionCentre, quantileFunction, type Distribution } from "../montecarlo/distributions.ts";
import { buildSimulationModel, type UncertainInput } from "../montecarlo/model.ts";
import type { Summary } from "../montecarlo/percentiles.ts";
import { simulate } from "../montecarlo/simulate.ts";
import type { AppraisalCase } from "./case-schema.ts";

/** Pounds (float) to a decimal string to the penny. */
export function money(pounds: number): string {
  return penceToDecimal(poundsToPence(pounds));
}
const moneyOrNull = (p: number | null) => (p === null ? null : money(p));
const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const factor = (f: number | null) => (f === null ? null : round(f, 6));

export interface MoneySummary {
  mean: string;
  p10: string;
  p50: string;
  p90: string;
}
const moneySummary = (s: Summary | null): MoneySummary | null =>
  s === null ? null : { mean: money(s.mean), p10: money(s.p10), p50: money(s.p50), p90: money(s.p90) };

export interface CaseReport {
  name: string;
  discounting: Discounting;
  lastYear: number;
  preferred: string;
  baseline: string | null;
  options: Array<{
    id: string;
    name?: string;
    pvCosts: string;
    pvBenefits: string;
    npv: string;
    bcr: number | null;
    pvOptimismBias: string;
    optimismBiasUplift: number | null;
    pvByCategory: Record<string, string>;
    cashCosts: string;
    cashBenefits: string;
    pvSavings: string | null;
    cashSavings: string | null;
  }>;
  switchingValues: Array<{
    driver: string;
    label: string;
    npvZero: Array<{ option: string; factor: number | null }>;
    preferredChangesDown: { factor: number; to: string; inputValue?: number } | null;
    preferredChangesUp: { factor: number; to: string; inputValue?: number } | null;
  }>;
  /**
   * Switching value of the discount rate: the option preferred from each constant rate upward
   * (0% to 30%), and the rate at which each option's NPV crosses zero.
   */
  discountRate: {
    preferredFrom: Array<{ rate: number; option: string }>;
    npvZero: Array<{ option: string; rate: number | null }>;
  };
  sensitivity: {
    option: string;
    rows: Array<{
      driver: string;
      label: string;
      lowFactor: number;
      highFactor: number;
      npvLow: string;
      npvHigh: string;
      swing: string;
    }>;
  };
  savingsTarget: { amount: string; basis: "cash" | "pv" } | null;
  monteCarlo: {
    iterations: number;
    seed: number;
    correlated: boolean;
    options: Array<{
      id: string;
      npv: MoneySummary;
      probabilityNpvPositive: number;
      pvSavings: MoneySummary | null;
      cashSavings: MoneySummary | null;
      probabilityMeetsTarget: number | null;
    }>;
  } | null;
}

export interface RunCaseOptions {
  iterations?: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_ITERATIONS = 10_000;
export const DEFAULT_SEED = 1;

export function caseToAppraisalInput(c: AppraisalCase): AppraisalInput {
  return {
    discounting: c.discounting,
    ...(c.baseline !== undefined ? { baseline: c.baseline } : {}),
    options: c.options.map((o) => ({
      id: o.id,
      ...(o.name !== undefined ? { name: o.name } : {}),
      ...(o.optimismBias
        ? { optimismBias: { category: o.optimismBias.category, mitigation: o.optimismBias.mitigation } }
        : {}),
      cashflows: o.cashflows.map((cf) => ({
        year: cf.year,
        category: cf.category,
        amount: cf.amount,
        ...(cf.input !== undefined ? { input: cf.input } : {}),
      })),
    })),
  };
}

export function caseInputs(c: AppraisalCase): UncertainInput[] {
  return (c.inputs ?? []).map((u) => ({
    id: u.id,
    distribution: u.distribution as Distribution,
    ...(u.base !== undefined ? { base: u.base } : {}),
  }));
}

export function runCase(c: AppraisalCase, opts: RunCaseOptions = {}): CaseReport {
  const input = caseToAppraisalInput(c);
  const a = appraise(input);
  const drivers = appraisalDrivers(input);
  const inputs = caseInputs(c);

  const bases = new Map(inputs.map((u) => [u.id, u.base ?? distributionCentre(u.distribution)]));
  // Tornado: uncertain inputs swing between their P10 and P90; categories by +/- range.
  const factors: Record<string, { low: number; high: number }> = {};
  for (const u of inputs) {
    const q = quantileFunction(u.distribution);
    const b = u.base ?? distributionCentre(u.distribution);
    factors[`input:${u.id}`] = { low: q(0.1) / b, high: q(0.9) / b };
  }
  const rows = tornado(a, drivers, { factors, ...(c.sensitivity ? { range: c.sensitivity.range } : {}) });

  let monteCarlo: CaseReport["monteCarlo"] = null;
  if (inputs.length > 0) {
    const iterations = opts.iterations ?? c.monteCarlo?.iterations ?? DEFAULT_ITERATIONS;
    const seed = opts.seed ?? c.monteCarlo?.seed ?? DEFAULT_SEED;
    const r = simulate(buildSimulationModel(input, inputs), inputs, {
      iterations,
      seed,
      ...(c.baseline !== undefined ? { baseline: c.baseline } : {}),
      ...(c.savingsTarget ? { savingsTarget: c.savingsTarget } : {}),
      ...(c.correlations ? { correlations: c.correlations } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    monteCarlo = {
      iterations: r.iterations,
      seed: r.seed,
      correlated: (c.correlations ?? []).length > 0,
      options: r.options.map((o) => ({
        id: o.id,
        npv: moneySummary(o.npv)!,
        probabilityNpvPositive: round(o.probabilityNpvPositive, 6),
        pvSavings: moneySummary(o.pvSavings),
        cashSavings: moneySummary(o.cashSavings),
        probabilityMeetsTarget: o.probabilityMeetsTarget === null ? null : round(o.probabilityMeetsTarget, 6),
      })),
    };
  }

  return {
    name: c.name,
    discounting: c.discounting,
    lastYear: a.lastYear,
    preferred: a.preferred,
    baseline: a.baseline,
    options: a.options.map((o) => ({
      id: o.id,
      ...(o.name !== undefined ? { name: o.name } : {}),
      pvCosts: money(o.pvCosts),
      pvBenefits: money(o.pvBenefits),
      npv: money(o.npv),
      bcr: o.bcr === null ? null : round(o.bcr, 4),
      pvOptimismBias: money(o.pvOptimismBias),
      optimismBiasUplift: o.optimismBias ? round(o.optimismBias.uplift, 6) : null,
      pvByCategory: Object.fromEntries(Object.entries(o.pvByCategory).map(([k, v]) => [k, money(v)])),
      cashCosts: money(o.cashCosts),
      cashBenefits: money(o.cashBenefits),
      pvSavings: moneyOrNull(o.pvSavings),
      cashSavings: moneyOrNull(o.cashSavings),
    })),
    switchingValues: switchingValues(a, drivers).map((s) => {
      // For a named input, also the input's own value at the switch (factor x stated value).
      const base = s.driver.startsWith("input:") ? bases.get(s.driver.slice(6)) : undefined;
      const change = (c: { factor: number; to: string } | null) =>
        c && {
          factor: factor(c.factor)!,
          to: c.to,
          ...(base !== undefined ? { inputValue: round(c.factor * base, 2) } : {}),
        };
      return {
        driver: s.driver,
        label: s.label,
        npvZero: s.npvZero.map((z) => ({ option: z.option, factor: factor(z.factor) })),
        preferredChangesDown: change(s.preferredChangesDown),
        preferredChangesUp: change(s.preferredChangesUp),
      };
    }),
    discountRate: (() => {
      const d = discountRateSwitching(input);
      return {
        preferredFrom: d.preferredFrom.map((p) => ({ rate: round(p.rate, 5), option: p.option })),
        npvZero: d.npvZero.map((z) => ({
          option: z.option,
          rate: z.rate === null ? null : round(z.rate, 5),
        })),
      };
    })(),
    sensitivity: {
      option: a.preferred,
      rows: rows.map((r) => ({
        driver: r.driver,
        label: r.label,
        lowFactor: round(r.lowFactor, 6),
        highFactor: round(r.highFactor, 6),
        npvLow: money(r.npvLow),
        npvHigh: money(r.npvHigh),
        swing: money(r.swing),
      })),
    },
    savingsTarget: c.savingsTarget
      ? { amount: money(c.savingsTarget.amount), basis: c.savingsTarget.basis }
      : null,
    monteCarlo,
  };
}
