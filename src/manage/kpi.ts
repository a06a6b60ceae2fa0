/**
 * A key performance indicator of a contract (Procurement Act 2023 s.52): what is measured and
 * the target, set when the contract is let and rated over its life (rating.ts). This file turns
 * what a user entered into the KPI that is stored, or says which field is wrong; and how the KPI
 * is measured (target value, tolerance, period, weight, who reports it), checked the same way.
 */
import { InputError } from "../shared/errors.ts";
import { isDecimal, normalDecimal } from "./decimal.ts";
import { isoDateField, textField } from "./fields.ts";

export interface KpiEntry {
  id: string;
  title: string;
  description?: string | undefined;
  target?: string | undefined;
  published?: boolean | undefined;
  demo?: boolean | undefined;
}

export interface KpiRecord {
  id: string;
  contractId: string;
  title: string;
  description: string;
  target: string;
  published: boolean;
  demo: boolean;
}

/** The KPI to store for `contractId`; an InputError naming the field when one is not valid. */
export function newKpi(contractId: string, input: KpiEntry): KpiRecord {
  return {
    id: textField(input.id, "$.id"),
    contractId,
    title: textField(input.title, "$.title"),
    description: textField(input.description, "$.description", false),
    target: textField(input.target, "$.target", false),
    published: input.published !== false,
    demo: input.demo === true,
  };
}

// ---- How a KPI is measured (migration 007): the figures its results are judged by ----

export const KPI_PERIODS = ["monthly", "quarterly", "annual"] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];
/** Who reports the result: the supplier (self-reported) or the authority (its own measurement). */
export const KPI_SOURCES = ["supplier", "authority"] as const;
export type KpiSource = (typeof KPI_SOURCES)[number];
/** Whether a higher result is better (a share met) or a lower one (days taken, errors). */
export const KPI_DIRECTIONS = ["higher", "lower"] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export interface KpiMeasure {
  /** The target as a decimal, e.g. "98" for 98%; "" when the KPI has no numeric target yet. */
  targetValue: string;
  /** How far short of the target still counts as "within tolerance", e.g. "1". */
  tolerance: string;
  direction: KpiDirection;
  period: KpiPeriod;
  /** Its share in the period's overall rating, a whole number 1-100. */
  weight: number;
  source: KpiSource;
  /** The unit results are in, e.g. "%" or "days". */
  unit: string;
  /** The first day of the first period measured (YYYY-MM-DD); "" for the contract's start. */
  measuredFrom: string;
}

export type MeasuredKpi = KpiRecord & KpiMeasure;

export interface KpiMeasureEntry {
  targetValue: string;
  tolerance?: string | undefined;
  direction?: string | undefined;
  period: string;
  weight?: number | undefined;
  source: string;
  unit?: string | undefined;
  measuredFrom?: string | undefined;
}

function oneOf<T extends string>(v: string, list: readonly T[], path: string): T {
  if (!(list as readonly string[]).includes(v))
    throw new InputError(`expected one of ${list.join(", ")}, got "${v}"`, { location: { path } });
  return v as T;
}

/** The measure to store; an InputError naming the field when one is not valid. */
export function newKpiMeasure(input: KpiMeasureEntry): KpiMeasure {
  const targetValue = input.targetValue.trim();
  if (!isDecimal(targetValue))
    throw new InputError(`expected the target as a number such as 98.5, got "${input.targetValue}"`, {
      location: { path: "$.targetValue" },
    });
  const tolerance = (input.tolerance ?? "0").trim() || "0";
  if (!isDecimal(tolerance) || tolerance.startsWith("-"))
    throw new InputError(
      `expected the tolerance as a number 0 or more such as 0.5, got "${input.tolerance}"`,
      {
        location: { path: "$.tolerance" },
      },
    );
  const weight = input.weight ?? 1;
  if (!Number.isInteger(weight) || weight < 1 || weight > 100)
    throw new InputError(`expected a weight from 1 to 100, got ${weight}`, {
      location: { path: "$.weight" },
    });
  const measuredFrom = (input.measuredFrom ?? "").trim();
  if (measuredFrom) isoDateField(measuredFrom, "$.measuredFrom");
  return {
    targetValue: normalDecimal(targetValue),
    tolerance: normalDecimal(tolerance),
    direction: oneOf(input.direction ?? "higher", KPI_DIRECTIONS, "$.direction"),
    period: oneOf(input.period, KPI_PERIODS, "$.period"),
    weight,
    source: oneOf(input.source, KPI_SOURCES, "$.source"),
    unit: textField(input.unit, "$.unit", false),
    measuredFrom,
  };
}
