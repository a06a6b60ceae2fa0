/**
 * The appraisal compiled for simulation. NPV is linear in every cash flow, so each option's
 * NPV (and its undiscounted net cash) is a constant plus one coefficient per uncertain input:
 * NPV_i = c_i + sum_k a_ik x_k, where a cash flow linked to input k contributes
 * amount x weight / base_k (its stated amount corresponds to the input's stated value base_k).
 * An iteration then costs one draw per input and a few multiply-adds, whatever the horizon.
 */
import { cashflowWeights, lastYear } from "../appraisal/appraise.ts";
import { discountFactors } from "../appraisal/discount.ts";
import { optimismBiasUplift } from "../appraisal/optimism-bias.ts";
import { upliftFactor } from "../appraisal/appraise.ts";
import type { AppraisalInput } from "../appraisal/types.ts";
import { type Distribution, distributionCentre } from "./distributions.ts";

export interface UncertainInput {
  id: string;
  distribution: Distribution;
  /** The value the linked cash-flow amounts were stated at; default the mode (or mean). */
  base?: number;
  label?: string;
}

export interface SimulationModel {
  optionIds: string[];
  inputIds: string[];
  npvConst: Float64Array;
  /** Row-major [option][input]. */
  npvCoef: Float64Array;
  cashConst: Float64Array;
  cashCoef: Float64Array;
}

export function buildSimulationModel(input: AppraisalInput, inputs: UncertainInput[]): SimulationModel {
  const k = inputs.length;
  const index = new Map(inputs.map((u, i) => [u.id, i]));
  const bases = inputs.map((u) => {
    const b = u.base ?? distributionCentre(u.distribution);
    if (b === 0)
      throw new RangeError(`input "${u.id}": its stated value (base) is 0, so it cannot scale amounts`);
    return b;
  });
  const n = input.options.length;
  const dfs = discountFactors(input.discounting, lastYear(input.options));
  const m: SimulationModel = {
    optionIds: input.options.map((o) => o.id),
    inputIds: inputs.map((u) => u.id),
    npvConst: new Float64Array(n),
    npvCoef: new Float64Array(n * k),
    cashConst: new Float64Array(n),
    cashCoef: new Float64Array(n * k),
  };
  input.options.forEach((option, i) => {
    const w = cashflowWeights(option, dfs);
    const uplift = option.optimismBias ? optimismBiasUplift(option.optimismBias) : null;
    option.cashflows.forEach((cf, j) => {
      const pv = cf.amount * w[j]!;
      const cash = cf.amount * upliftFactor(cf, uplift);
      if (cf.input === undefined) {
        m.npvConst[i]! += pv;
        m.cashConst[i]! += cash;
        return;
      }
      const at = index.get(cf.input);
      if (at === undefined) throw new RangeError(`option "${option.id}": unknown input "${cf.input}"`);
      m.npvCoef[i * k + at]! += pv / bases[at]!;
      m.cashCoef[i * k + at]! += cash / bases[at]!;
    });
  });
  return m;
}
