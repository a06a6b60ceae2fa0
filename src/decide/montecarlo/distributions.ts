/**
 * Distributions an uncertain input may follow, each turned into a quantile function
 * u in (0,1) -> value (inverse-transform sampling), so one uniform draw gives one value and
 * the Gaussian copula can correlate any mix of them. Triangular and uniform are closed form;
 * normal and lognormal use the normal quantile; PERT (a beta on [min, max] with shape
 * 1 + 4(mode-min)/(max-min)) uses a precomputed table of its quantiles.
 */
import { normalQuantile } from "./normal.ts";

export type Distribution =
  | { type: "uniform"; min: number; max: number }
  | { type: "triangular"; min: number; mode: number; max: number }
  | { type: "pert"; min: number; mode: number; max: number }
  | { type: "normal"; mean: number; sd: number }
  /** Either the mean and sd of the value itself, or meanlog/sdlog of its logarithm. */
  | { type: "lognormal"; mean: number; sd: number }
  | { type: "lognormal"; meanlog: number; sdlog: number };

export type Quantile = (u: number) => number;

/** Checks the parameters; returns a message naming the problem, or null when they are sound. */
export function distributionProblem(d: Distribution): string | null {
  switch (d.type) {
    case "uniform":
      return d.min <= d.max ? null : "min must not exceed max";
    case "triangular":
    case "pert":
      if (!(d.min <= d.mode && d.mode <= d.max)) return "expected min <= mode <= max";
      if (d.type === "pert" && d.min === d.max) return "a PERT input needs min < max";
      return null;
    case "normal":
      return d.sd >= 0 ? null : "sd must not be negative";
    case "lognormal":
      if ("meanlog" in d) return d.sdlog >= 0 ? null : "sdlog must not be negative";
      if (!(d.mean > 0)) return "a lognormal input needs a mean above 0";
      return d.sd >= 0 ? null : "sd must not be negative";
  }
}

function lognormalParams(d: Extract<Distribution, { type: "lognormal" }>): { mu: number; sigma: number } {
  if ("meanlog" in d) return { mu: d.meanlog, sigma: d.sdlog };
  const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean));
  return { mu: Math.log(d.mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

/** Expected value. */
export function distributionMean(d: Distribution): number {
  switch (d.type) {
    case "uniform":
      return (d.min + d.max) / 2;
    case "triangular":
      return (d.min + d.mode + d.max) / 3;
    case "pert":
      return (d.min + 4 * d.mode + d.max) / 6;
    case "normal":
      return d.mean;
    case "lognormal": {
      const { mu, sigma } = lognormalParams(d);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
  }
}

/** The "most likely" value: the mode where there is one, else the mean. Used as the stated value. */
export function distributionCentre(d: Distribution): number {
  return d.type === "triangular" || d.type === "pert" ? d.mode : distributionMean(d);
}

const PERT_TABLE_SIZE = 4096;
const PERT_GRID = 65536;

/** Quantiles of Beta(a, b) on [0, 1] at u = j / PERT_TABLE_SIZE, by integrating the density. */
function betaQuantileTable(a: number, b: number): Float64Array {
  const cdf = new Float64Array(PERT_GRID + 1);
  const h = 1 / PERT_GRID;
  for (let i = 0; i < PERT_GRID; i++) {
    const x = (i + 0.5) * h; // midpoint rule: the density is finite for shapes >= 1
    cdf[i + 1] = cdf[i]! + x ** (a - 1) * (1 - x) ** (b - 1) * h;
  }
  const total = cdf[PERT_GRID]!;
  const table = new Float64Array(PERT_TABLE_SIZE + 1);
  table[PERT_TABLE_SIZE] = 1;
  let i = 0;
  for (let j = 1; j < PERT_TABLE_SIZE; j++) {
    const target = (j / PERT_TABLE_SIZE) * total;
    while (cdf[i + 1]! < target) i++;
    const lo = cdf[i]!;
    const hi = cdf[i + 1]!;
    table[j] = (i + (hi > lo ? (target - lo) / (hi - lo) : 0)) * h;
  }
  return table;
}

export function quantileFunction(d: Distribution): Quantile {
  const problem = distributionProblem(d);
  if (problem) throw new RangeError(`${d.type}: ${problem}`);
  switch (d.type) {
    case "uniform": {
      const { min } = d;
      const w = d.max - d.min;
      return (u) => min + u * w;
    }
    case "triangular": {
      const { min, mode, max } = d;
      const w = max - min;
      const fc = w === 0 ? 0 : (mode - min) / w;
      return (u) =>
        u < fc ? min + Math.sqrt(u * w * (mode - min)) : max - Math.sqrt((1 - u) * w * (max - mode));
    }
    case "pert": {
      const { min, mode, max } = d;
      const w = max - min;
      const table = betaQuantileTable(1 + (4 * (mode - min)) / w, 1 + (4 * (max - mode)) / w);
      return (u) => {
        const pos = u * PERT_TABLE_SIZE;
        const j = Math.min(PERT_TABLE_SIZE - 1, Math.floor(pos));
        const t = table[j]! + (pos - j) * (table[j + 1]! - table[j]!);
        return min + t * w;
      };
    }
    case "normal": {
      const { mean, sd } = d;
      return (u) => mean + sd * normalQuantile(u);
    }
    case "lognormal": {
      const { mu, sigma } = lognormalParams(d);
      return (u) => Math.exp(mu + sigma * normalQuantile(u));
    }
  }
}
