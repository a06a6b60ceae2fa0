/**
 * Monte Carlo throughput: a 10-year case with 20 uncertain inputs (two options, every input
 * driving cash flows in several years), simulated at the chosen number of iterations
 * (default 100,000), independent and with correlated inputs. The baseline is a loop that only
 * draws the same number of uniform random numbers from the same generator, so the ratio says
 * how much the sampling, copula and NPV arithmetic cost on top of the random numbers.
 *
 *   npx tsx bench/decide.ts [iterations]
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { AppraisalInput, Cashflow } from "../src/decide/appraisal/types.ts";
import type { Distribution } from "../src/decide/montecarlo/distributions.ts";
import { buildSimulationModel, type UncertainInput } from "../src/decide/montecarlo/model.ts";
import { type Correlation, simulate } from "../src/decide/montecarlo/simulate.ts";

const iterations = Number(process.argv[2] ?? 100_000);
const YEARS = 10;
const INPUTS = 20;
const kinds: Array<(c: number) => Distribution> = [
  (c) => ({ type: "triangular", min: 0.8 * c, mode: c, max: 1.4 * c }),
  (c) => ({ type: "pert", min: 0.7 * c, mode: c, max: 1.5 * c }),
  (c) => ({ type: "normal", mean: c, sd: 0.1 * c }),
  (c) => ({ type: "lognormal", mean: c, sd: 0.15 * c }),
  (c) => ({ type: "uniform", min: 0.9 * c, max: 1.1 * c }),
];
const inputs: UncertainInput[] = Array.from({ length: INPUTS }, (_, k) => ({
  id: `in${k}`,
  distribution: kinds[k % kinds.length]!(100_000 + 5_000 * k),
}));
const flows = (sign: number, scale: number): Cashflow[] => {
  const out: Cashflow[] = [{ year: 0, category: "transition", amount: -250_000 * scale }];
  for (let y = 1; y <= YEARS; y++)
    for (let k = 0; k < INPUTS; k++)
      out.push({
        year: y,
        category: k % 4 === 0 ? "benefit" : "opex",
        amount: sign * (100_000 + 5_000 * k) * scale,
        input: `in${k}`,
      });
  return out;
};
const appraisal: AppraisalInput = {
  discounting: "green-book",
  options: [
    { id: "in-house", cashflows: flows(-1, 1) },
    {
      id: "outsource",
      cashflows: flows(-1, 0.9),
      optimismBias: { category: "outsourcing", mitigation: 0.5 },
    },
  ],
};
const correlations: Correlation[] = [];
for (let k = 0; k + 1 < INPUTS; k += 2) correlations.push({ a: `in${k}`, b: `in${k + 1}`, rho: 0.5 });

function baseline(): { seconds: number; sink: number } {
  const rng = xoroshiro128plus(1);
  const t = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0, n = iterations * INPUTS; i < n; i++) sink += uniformFloat64(rng);
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, sink };
}

function run(withCorrelation: boolean): { seconds: number; p50: number } {
  const t = process.hrtime.bigint();
  const model = buildSimulationModel(appraisal, inputs);
  const r = simulate(model, inputs, {
    iterations,
    seed: 2015,
    baseline: "in-house",
    savingsTarget: { amount: 20_000_000, basis: "cash" },
    ...(withCorrelation ? { correlations } : {}),
  });
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, p50: r.options[1]!.npv.p50 };
}

// one warm-up pass of each so the JIT has compiled the loops
baseline();
run(false);
const b = baseline();
const ind = run(false);
const cor = run(true);
const rate = (s: number) => Math.round(iterations / s).toLocaleString("en-GB");
console.log(
  `decide Monte Carlo: ${iterations.toLocaleString("en-GB")} iterations x ${INPUTS} inputs x ${YEARS} years, 2 options`,
);
console.log(`  baseline (uniform draws only): ${b.seconds.toFixed(3)} s, ${rate(b.seconds)} iterations/s`);
console.log(
  `  independent inputs:            ${ind.seconds.toFixed(3)} s, ${rate(ind.seconds)} iterations/s, ratio ${(ind.seconds / b.seconds).toFixed(2)}x baseline`,
);
console.log(
  `  correlated (Gaussian copula):  ${cor.seconds.toFixed(3)} s, ${rate(cor.seconds)} iterations/s, ratio ${(cor.seconds / b.seconds).toFixed(2)}x baseline`,
);
console.log(`  peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
