/**
 * Optimism bias: appraisers are systematically optimistic about cost, so the Green Book's
 * supplementary guidance on optimism bias (HM Treasury, from Mott MacDonald's 2002 review of
 * large public procurement) sets upper-bound uplifts by project type. They apply to capital cost
 * for buildings, civil engineering and equipment/development, and to operating cost for
 * outsourcing. The uplift used is the upper bound reduced by the share of the causes that has
 * been mitigated: uplift = upper x (1 - mitigation), never below the lower bound.
 */

export type OptimismBiasCategory =
  | "standard-buildings"
  | "non-standard-buildings"
  | "standard-civil-engineering"
  | "non-standard-civil-engineering"
  | "equipment-development"
  | "outsourcing";

export interface OptimismBiasBounds {
  /** Cost category the uplift applies to. */
  appliesTo: "capex" | "opex";
  /** Upper and lower bound uplift on cost, as fractions (0.24 = 24%). */
  upper: number;
  lower: number;
  /** Works duration bounds, where the guidance gives them. */
  durationUpper: number | null;
  durationLower: number | null;
}

/** Table 1 of the supplementary guidance (upper / lower bounds). */
export const OPTIMISM_BIAS_TABLE: Readonly<Record<OptimismBiasCategory, OptimismBiasBounds>> = {
  "standard-buildings": {
    appliesTo: "capex",
    upper: 0.24,
    lower: 0.02,
    durationUpper: 0.04,
    durationLower: 0.01,
  },
  "non-standard-buildings": {
    appliesTo: "capex",
    upper: 0.51,
    lower: 0.04,
    durationUpper: 0.39,
    durationLower: 0.02,
  },
  "standard-civil-engineering": {
    appliesTo: "capex",
    upper: 0.44,
    lower: 0.03,
    durationUpper: 0.2,
    durationLower: 0.01,
  },
  "non-standard-civil-engineering": {
    appliesTo: "capex",
    upper: 0.66,
    lower: 0.06,
    durationUpper: 0.25,
    durationLower: 0.03,
  },
  "equipment-development": {
    appliesTo: "capex",
    upper: 2.0,
    lower: 0.1,
    durationUpper: 0.54,
    durationLower: 0.1,
  },
  outsourcing: { appliesTo: "opex", upper: 0.41, lower: 0, durationUpper: null, durationLower: null },
};

export const OPTIMISM_BIAS_CATEGORIES = Object.keys(OPTIMISM_BIAS_TABLE) as OptimismBiasCategory[];

export interface OptimismBiasSetting {
  category: OptimismBiasCategory;
  /** Share of the upper bound's causes that is mitigated, 0..1. */
  mitigation: number;
}

export interface OptimismBiasUplift {
  category: OptimismBiasCategory;
  appliesTo: "capex" | "opex";
  /** Uplift applied to costs in `appliesTo`, as a fraction. */
  uplift: number;
}

/** The uplift after mitigation: upper x (1 - mitigation), floored at the lower bound. */
export function optimismBiasUplift(setting: OptimismBiasSetting): OptimismBiasUplift {
  const bounds = OPTIMISM_BIAS_TABLE[setting.category];
  if (!(setting.mitigation >= 0 && setting.mitigation <= 1)) {
    throw new RangeError(`mitigation must be between 0 and 1, got ${setting.mitigation}`);
  }
  const uplift = Math.max(bounds.lower, bounds.upper * (1 - setting.mitigation));
  return { category: setting.category, appliesTo: bounds.appliesTo, uplift };
}
