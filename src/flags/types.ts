/**
 * Shared types of the red-flags engine: the groups results are keyed by, an indicator's
 * explainable metadata, a flag with the values that tripped it, and the contract every indicator
 * file implements: a descriptor (src/shared/rule.ts) and a fold (init, fold, reduce, finalize).
 */
import type { RuleDescriptor } from "../shared/rule.ts";
import type { IndicatorCode, Settings } from "./settings.ts";
import type { View } from "./view.ts";

export type Group = "OCID" | "Buyer" | "ProcuringEntity" | "Tenderer";
export const GROUPS: readonly Group[] = ["OCID", "Buyer", "ProcuringEntity", "Tenderer"];

/** What an API or dashboard shows next to a flag. A flag is a lead, never a verdict. */
export interface IndicatorMeta {
  code: IndicatorCode;
  /** Short title, e.g. "Single bid received". */
  name: string;
  /** One-sentence definition. */
  definition: string;
  /** How the value is calculated and compared. */
  methodology: string;
  /** Why the pattern is a corruption or collusion risk. */
  risk: string;
  /** What the value of a flag means, per group. */
  output: string;
  /** Settings properties read, as `section.key`. */
  settings: string[];
  /** Groups this indicator can flag. */
  groups: Group[];
}

/** How a flag's value compared with its threshold. */
export type Comparison = "<" | "<=" | ">=" | "=" | ">";

/** One raised flag, with what tripped it. */
export interface Flag {
  group: Group;
  id: string;
  /** The indicator's output (Cardinal's value). */
  value: number;
  /** The measured quantity compared with the threshold (often the same as value). */
  measured?: number;
  threshold?: number;
  comparison?: Comparison;
  /** Where the threshold came from. */
  thresholdSource?: "settings" | "default" | "quartiles";
  /** Inputs that explain the value: amounts, counts, dates, matched fields. */
  values?: Record<string, unknown>;
}

export interface IndicatorOutput {
  flags: Flag[] | FlagColumns;
  /** Quartiles and fences, unrounded (rounded when written). */
  meta?: Record<string, number>;
  /** Map name -> ocid -> organization id(s). */
  maps?: Record<string, Map<string, Set<string> | string>>;
}

/** Things every indicator may need besides its own settings. */
export interface Env {
  settings: Settings;
  /** ISO date; only R055 reads it (its default period ends today). */
  today?: string;
  /** Whether to fill the Maps. */
  map: boolean;
}

export interface Indicator<Acc> {
  readonly code: IndicatorCode;
  init(): Acc;
  /** Folds one contracting process (already through the global exclusions). */
  fold(acc: Acc, view: View): Acc;
  reduce(a: Acc, b: Acc): Acc;
  finalize(acc: Acc): IndicatorOutput;
}

export interface IndicatorModule {
  /** The indicator's identity and meaning, as every rule of every family carries it. */
  descriptor: RuleDescriptor<IndicatorCode> & { family: "flag" };
  meta: IndicatorMeta;
  // biome-ignore lint/suspicious/noExplicitAny: each indicator has its own accumulator type.
  create(env: Env): Indicator<any>;
}

/**
 * Builds an indicator module from its metadata and computation; its descriptor is the
 * metadata's name, definition (what it detects), risk (why it matters) and settings, so the
 * prose is written once in code (and once in docs/flags/<code>.md, checked against it).
 */
export function defineIndicator(m: Omit<IndicatorModule, "descriptor">): IndicatorModule {
  const { code, name, definition, risk, settings } = m.meta;
  return {
    descriptor: { id: code, family: "flag", name, detects: definition, whyItMatters: risk, settings },
    ...m,
  };
}

/** Adds `id` to the set at `key` in a map of sets. */
export function addToSetMap(m: Map<string, Set<string>>, key: string, id: string): void {
  let s = m.get(key);
  if (!s) {
    s = new Set();
    m.set(key, s);
  }
  s.add(id);
}

/** A ratio kept as numerator and denominator, so partial results add up exactly. */
export type Fraction = [number, number];

export function addFraction(m: Map<string, Fraction>, key: string, num: number, den: number): void {
  const f = m.get(key);
  if (f) {
    f[0] += num;
    f[1] += den;
  } else m.set(key, [num, den]);
}

export function mergeFractions(a: Map<string, Fraction>, b: Map<string, Fraction>): Map<string, Fraction> {
  for (const [k, [n, d]] of b) addFraction(a, k, n, d);
  return a;
}

/**
 * Flags raised while folding, kept as columns of primitives rather than one object per flag: a
 * million flags stay cheap to hold, to collect garbage around and to send between threads.
 * Plain data (no class), so it survives structured cloning.
 */
export interface FlagColumns {
  group: number[];
  id: string[];
  value: number[];
  measured: (number | null)[];
  threshold: (number | null)[];
  comparison: (Comparison | null)[];
  source: (Flag["thresholdSource"] | null)[];
  /** JSON text of each flag's values. */
  values: string[];
}

export function flagColumns(): FlagColumns {
  return {
    group: [],
    id: [],
    value: [],
    measured: [],
    threshold: [],
    comparison: [],
    source: [],
    values: [],
  };
}

export function pushFlag(cols: FlagColumns, f: Flag): void {
  cols.group.push(GROUPS.indexOf(f.group));
  cols.id.push(f.id);
  cols.value.push(f.value);
  cols.measured.push(f.measured ?? null);
  cols.threshold.push(f.threshold ?? null);
  cols.comparison.push(f.comparison ?? null);
  cols.source.push(f.thresholdSource ?? null);
  cols.values.push(f.values ? JSON.stringify(f.values) : "");
}

export function concatFlags(a: FlagColumns, b: FlagColumns): FlagColumns {
  for (const k of Object.keys(a) as (keyof FlagColumns)[]) {
    const to = a[k] as unknown[];
    for (const v of b[k]) to.push(v);
  }
  return a;
}

export function flagCount(f: Flag[] | FlagColumns): number {
  return Array.isArray(f) ? f.length : f.id.length;
}

/** The i-th flag as an object. */
export function flagAt(f: Flag[] | FlagColumns, i: number): Flag {
  if (Array.isArray(f)) return f[i] as Flag;
  const out: Flag = {
    group: GROUPS[f.group[i] as number] as Group,
    id: f.id[i] as string,
    value: f.value[i] as number,
  };
  if (f.measured[i] !== null) out.measured = f.measured[i] as number;
  if (f.threshold[i] !== null) out.threshold = f.threshold[i] as number;
  if (f.comparison[i] !== null) out.comparison = f.comparison[i] as Comparison;
  if (f.source[i] !== null) out.thresholdSource = f.source[i] as Flag["thresholdSource"];
  if (f.values[i]) out.values = JSON.parse(f.values[i] as string);
  return out;
}
