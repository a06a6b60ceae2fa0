/**
 * Monte Carlo simulation of an appraisal: draws every uncertain input, optionally correlated
 * through a Gaussian copula (independent normals, Cholesky factor, back to uniforms, then each
 * input's own quantile function), and reports per option the P10/P50/P90 of NPV and of savings
 * against the baseline, and the probability that the option delivers at least the savings
 * target. Seeded with pure-rand's xoroshiro128+: the same seed gives the same answer.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { cholesky } from "./cholesky.ts";
import { type Quantile, quantileFunction } from "./distributions.ts";
import type { SimulationModel, UncertainInput } from "./model.ts";
import { normalCdf, normalQuantile } from "./normal.ts";
import { type Summary, summarise } from "./percentiles.ts";

export interface Correlation {
  a: string;
  b: string;
  /** Correlation of the inputs' normal scores, -1..1. */
  rho: number;
}

export interface SavingsTarget {
  /** Pounds. */
  amount: number;
  /** "cash": undiscounted net cash over the horizon (what a budget counts); "pv": present value. */
  basis: "cash" | "pv";
}

export interface MonteCarloSettings {
  iterations: number;
  seed: number;
  correlations?: Correlation[];
  /** Option savings are measured against; without one, no savings are reported. */
  baseline?: string;
  savingsTarget?: SavingsTarget;
  onProgress?: (done: number, total: number) => void;
}

export interface OptionSimulation {
  id: string;
  npv: Summary;
  probabilityNpvPositive: number;
  pvSavings: Summary | null;
  cashSavings: Summary | null;
  /** Share of iterations whose savings reach the target (null without target or baseline, and for the baseline). */
  probabilityMeetsTarget: number | null;
}

export interface MonteCarloResult {
  iterations: number;
  seed: number;
  baseline: string | null;
  savingsTarget: SavingsTarget | null;
  options: OptionSimulation[];
}

/** Offset so a draw is strictly inside (0, 1): normal quantiles are infinite at the ends. */
const HALF_STEP = 2 ** -54;

export function correlationMatrix(inputIds: string[], correlations: Correlation[]): Float64Array {
  const n = inputIds.length;
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) c[i * n + i] = 1;
  for (const r of correlations) {
    const a = inputIds.indexOf(r.a);
    const b = inputIds.indexOf(r.b);
    if (a < 0) throw new RangeError(`correlation names unknown input "${r.a}"`);
    if (b < 0) throw new RangeError(`correlation names unknown input "${r.b}"`);
    if (a === b) throw new RangeError(`input "${r.a}" cannot be correlated with itself`);
    if (!(r.rho >= -1 && r.rho <= 1))
      throw new RangeError(`correlation ${r.a}/${r.b} must be between -1 and 1`);
    c[a * n + b] = r.rho;
    c[b * n + a] = r.rho;
  }
  return c;
}

export function simulate(
  model: SimulationModel,
  inputs: UncertainInput[],
  s: MonteCarloSettings,
): MonteCarloResult {
  const N = s.iterations;
  if (!Number.isInteger(N) || N < 1) throw new RangeError("iterations must be a whole number >= 1");
  const K = inputs.length;
  const O = model.optionIds.length;
  const base = s.baseline === undefined ? -1 : model.optionIds.indexOf(s.baseline);
  if (s.baseline !== undefined && base < 0) throw new RangeError(`baseline option "${s.baseline}" not found`);
  const quantiles: Quantile[] = inputs.map((u) => quantileFunction(u.distribution));
  const corr = s.correlations && s.correlations.length > 0 ? s.correlations : null;
  const L = corr ? cholesky(correlationMatrix(model.inputIds, corr), K) : null;

  const rng = xoroshiro128plus(s.seed | 0);
  const x = new Float64Array(K);
  const z = new Float64Array(K);
  const npv = Array.from({ length: O }, () => new Float64Array(N));
  const cash = Array.from({ length: O }, () => new Float64Array(N));
  const { npvConst, npvCoef, cashConst, cashCoef } = model;
  const step = Math.max(1, Math.floor(N / 100));

  for (let it = 0; it < N; it++) {
    if (L) {
      for (let k = 0; k < K; k++) z[k] = normalQuantile(uniformFloat64(rng) + HALF_STEP);
      for (let k = 0; k < K; k++) {
        let y = 0;
        const row = k * K;
        for (let j = 0; j <= k; j++) y += L[row + j]! * z[j]!;
        x[k] = quantiles[k]!(normalCdf(y));
      }
    } else {
      for (let k = 0; k < K; k++) x[k] = quantiles[k]!(uniformFloat64(rng) + HALF_STEP);
    }
    for (let i = 0; i < O; i++) {
      let v = npvConst[i]!;
      let c = cashConst[i]!;
      const row = i * K;
      for (let k = 0; k < K; k++) {
        v += npvCoef[row + k]! * x[k]!;
        c += cashCoef[row + k]! * x[k]!;
      }
      npv[i]![it] = v;
      cash[i]![it] = c;
    }
    if (s.onProgress && (it + 1) % step === 0) s.onProgress(it + 1, N);
  }

  const target = s.savingsTarget ?? null;
  const options: OptionSimulation[] = model.optionIds.map((id, i) => {
    const v = npv[i]!;
    let positive = 0;
    for (let it = 0; it < N; it++) if (v[it]! > 0) positive++;
    let pvSavings: Summary | null = null;
    let cashSavings: Summary | null = null;
    let probabilityMeetsTarget: number | null = null;
    if (base >= 0) {
      const ps = new Float64Array(N);
      const cs = new Float64Array(N);
      const bv = npv[base]!;
      const bc = cash[base]!;
      const cv = cash[i]!;
      let meets = 0;
      for (let it = 0; it < N; it++) {
        ps[it] = v[it]! - bv[it]!;
        cs[it] = cv[it]! - bc[it]!;
        if (target && (target.basis === "pv" ? ps[it]! : cs[it]!) >= target.amount) meets++;
      }
      if (target && i !== base) probabilityMeetsTarget = meets / N;
      pvSavings = summarise(ps);
      cashSavings = summarise(cs);
    }
    return {
      id,
      npv: summarise(v.slice()),
      probabilityNpvPositive: positive / N,
      pvSavings,
      cashSavings,
      probabilityMeetsTarget,
    };
  });
  return {
    iterations: N,
    seed: s.seed | 0,
    baseline: base >= 0 ? s.baseline! : null,
    savingsTarget: target,
    options,
  };
}
