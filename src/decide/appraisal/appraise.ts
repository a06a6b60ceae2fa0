/**
 * Whole-life appraisal of each option: present value of costs and of benefits, net present
 * value (NPV = PV benefits - PV costs) and benefit-cost ratio (BCR = PV benefits / PV costs),
 * after optimism bias, as the Green Book asks. The preferred option is the one with the highest
 * NPV; savings are each option's NPV (and undiscounted net cash) less the baseline's.
 */
import { discountFactors } from "./discount.ts";
import { optimismBiasUplift, type OptimismBiasUplift } from "./optimism-bias.ts";
import type { AppraisalInput, AppraisalOption, Cashflow, CashflowCategory } from "./types.ts";

export interface OptionAppraisal {
  id: string;
  name?: string;
  /** Present values in pounds (unrounded; adapters round to pence). */
  pvCosts: number;
  pvBenefits: number;
  npv: number;
  /** null when there are no costs. */
  bcr: number | null;
  /** Undiscounted totals after optimism bias. */
  cashCosts: number;
  cashBenefits: number;
  /** Optimism bias added to the present value of costs. */
  pvOptimismBias: number;
  /** Whole-life cost and benefit by category: present value (after optimism bias), signed as given. */
  pvByCategory: Partial<Record<CashflowCategory, number>>;
  optimismBias: OptimismBiasUplift | null;
  /** Savings against the baseline option (null when there is none). */
  pvSavings: number | null;
  cashSavings: number | null;
}

export interface Appraisal {
  options: OptionAppraisal[];
  /** Option with the highest NPV. */
  preferred: string;
  baseline: string | null;
  /** Last year with a cash flow (the appraisal covers years 0..lastYear). */
  lastYear: number;
}

export function lastYear(options: AppraisalOption[]): number {
  let last = 0;
  for (const o of options) for (const c of o.cashflows) if (c.year > last) last = c.year;
  return last;
}

/** The multiplier optimism bias puts on one cash flow (1 when it does not apply). */
export function upliftFactor(cf: Cashflow, uplift: OptimismBiasUplift | null): number {
  if (!uplift || cf.amount >= 0 || cf.category !== uplift.appliesTo) return 1;
  return 1 + uplift.uplift;
}

/** Weight of one cash flow in the option's NPV: discount factor x optimism-bias multiplier. */
export function cashflowWeights(option: AppraisalOption, dfs: Float64Array): Float64Array {
  const uplift = option.optimismBias ? optimismBiasUplift(option.optimismBias) : null;
  const out = new Float64Array(option.cashflows.length);
  option.cashflows.forEach((cf, i) => {
    out[i] = dfs[cf.year]! * upliftFactor(cf, uplift);
  });
  return out;
}

export function appraiseOption(
  option: AppraisalOption,
  dfs: Float64Array,
): Omit<OptionAppraisal, "pvSavings" | "cashSavings"> {
  const uplift = option.optimismBias ? optimismBiasUplift(option.optimismBias) : null;
  let pvCosts = 0;
  let pvBenefits = 0;
  let cashCosts = 0;
  let cashBenefits = 0;
  let pvOptimismBias = 0;
  const pvByCategory: Partial<Record<CashflowCategory, number>> = {};
  for (const cf of option.cashflows) {
    const k = upliftFactor(cf, uplift);
    const df = dfs[cf.year]!;
    pvByCategory[cf.category] = (pvByCategory[cf.category] ?? 0) + cf.amount * k * df;
    if (cf.amount < 0) {
      pvCosts += -cf.amount * k * df;
      cashCosts += -cf.amount * k;
      pvOptimismBias += -cf.amount * (k - 1) * df;
    } else {
      pvBenefits += cf.amount * df;
      cashBenefits += cf.amount;
    }
  }
  return {
    id: option.id,
    ...(option.name !== undefined ? { name: option.name } : {}),
    pvCosts,
    pvBenefits,
    npv: pvBenefits - pvCosts,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : null,
    cashCosts,
    cashBenefits,
    pvOptimismBias,
    pvByCategory,
    optimismBias: uplift,
  };
}

export function appraise(input: AppraisalInput): Appraisal {
  if (input.options.length === 0) throw new RangeError("an appraisal needs at least one option");
  const last = lastYear(input.options);
  const dfs = discountFactors(input.discounting, last);
  const raw = input.options.map((o) => appraiseOption(o, dfs));
  const base = input.baseline === undefined ? undefined : raw.find((r) => r.id === input.baseline);
  if (input.baseline !== undefined && !base)
    throw new RangeError(`baseline option "${input.baseline}" not found`);
  const options: OptionAppraisal[] = raw.map((r) => ({
    ...r,
    pvSavings: base ? r.npv - base.npv : null,
    cashSavings: base ? r.cashBenefits - r.cashCosts - (base.cashBenefits - base.cashCosts) : null,
  }));
  let preferred = options[0]!;
  for (const o of options) if (o.npv > preferred.npv) preferred = o;
  return { options, preferred: preferred.id, baseline: base ? base.id : null, lastYear: last };
}
