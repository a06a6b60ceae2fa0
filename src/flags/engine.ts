/**
 * The red-flags engine: runs the enabled indicators over compiled releases in one pass, as a fold
 * that partial results (from workers or chunks) reduce into, then finalizes into Cardinal's result
 * shape plus an explanation of every flag.
 *
 * Pure: no files, no clock ("today" is passed in for R055's default period).
 */
import { FLAG_RULES } from "./indicators/index.ts";
import { stringifyFloats } from "./json.ts";
import { round4 } from "./quartiles.ts";
import { INDICATOR_CODES, type IndicatorCode, type Settings } from "./settings.ts";
import {
  type Flag,
  type FlagColumns,
  flagAt,
  flagCount,
  GROUPS,
  type Group,
  type Indicator,
  type IndicatorMeta,
  type IndicatorModule,
} from "./types.ts";
import { buildView, CurrencyState } from "./view.ts";

/** The registry by code. */
export const INDICATORS = Object.fromEntries(FLAG_RULES.map((m) => [m.meta.code, m])) as Record<
  IndicatorCode,
  IndicatorModule
>;

/** Explainable metadata of every indicator, in code order. */
export function indicatorMetadata(): IndicatorMeta[] {
  return INDICATOR_CODES.map((c) => INDICATORS[c].meta);
}

export interface EngineOptions {
  /**
   * ISO date used as "today": R055's default period is the 365 days up to it. Without it (and
   * without R055 start_date/end_date), R055 considers all dates.
   */
  today?: string;
  /** Fill the Maps (ocid to organizations). */
  map?: boolean;
}

export interface EngineAcc {
  /** The main currency as observed so far (or configured). */
  currency: string | undefined;
  processes: number;
  skipped: number;
  parts: unknown[];
}

export interface FlagsResult {
  /** Group -> identifier -> indicator code -> value (Cardinal's results). */
  results: Record<Group, Map<string, Map<IndicatorCode, number>>>;
  /** Indicator code -> quartiles and fences (unrounded). */
  meta: Partial<Record<IndicatorCode, Record<string, number>>>;
  /** Map name -> ocid -> organization id(s); filled when map is set. */
  maps: Record<string, Map<string, Set<string> | string>>;
  /** Every flag with the values that tripped it and its threshold (built on first access). */
  readonly flags: (Flag & { code: IndicatorCode })[];
  /** The main currency used. */
  currency: string | undefined;
  processes: number;
}

/** Map names always present in the Maps key, in order (Cardinal's). */
export const MAP_NAMES = [
  "ocid_buyer_r038",
  "ocid_procuringentity_r038",
  "ocid_tenderer",
  "ocid_tenderer_r024",
  "ocid_tenderer_r028",
  "ocid_tenderer_r030",
  "ocid_tenderer_r035",
  "ocid_tenderer_r058",
];

export class Engine {
  readonly settings: Settings;
  readonly indicators: Indicator<unknown>[];
  readonly map: boolean;
  /** Reused for every release; the accumulator keeps the value. */
  private readonly currency = new CurrencyState();

  constructor(settings: Settings, opts: EngineOptions = {}) {
    this.settings = settings;
    this.map = opts.map ?? false;
    const env = { settings, today: opts.today, map: this.map };
    this.indicators = INDICATOR_CODES.filter((c) => settings.indicators[c] !== undefined).map((c) =>
      INDICATORS[c].create(env),
    );
  }

  init(): EngineAcc {
    const parts = this.indicators.map((i) => i.init());
    if (this.map) parts.push(new Map<string, Set<string>>());
    return { currency: this.settings.currency, processes: 0, skipped: 0, parts };
  }

  /** Folds one compiled release (parsed JSON). */
  fold(acc: EngineAcc, release: unknown): EngineAcc {
    const currency = this.currency;
    currency.value = acc.currency;
    const view = buildView(release, this.settings, currency);
    if (!view) {
      acc.skipped++;
      return acc;
    }
    acc.processes++;
    const n = this.indicators.length;
    for (let i = 0; i < n; i++) {
      acc.parts[i] = (this.indicators[i] as Indicator<unknown>).fold(acc.parts[i], view);
    }
    if (this.map) {
      const m = acc.parts[n] as Map<string, Set<string>>;
      for (const bid of view.submitted) {
        for (const t of bid.tenderers) {
          let s = m.get(view.ocid);
          if (!s) {
            s = new Set();
            m.set(view.ocid, s);
          }
          s.add(t);
        }
      }
    }
    acc.currency = currency.value;
    return acc;
  }

  /** Merges b into a; a comes first in input order. */
  reduce(a: EngineAcc, b: EngineAcc): EngineAcc {
    a.currency ??= b.currency;
    a.processes += b.processes;
    a.skipped += b.skipped;
    const n = this.indicators.length;
    for (let i = 0; i < n; i++)
      a.parts[i] = (this.indicators[i] as Indicator<unknown>).reduce(a.parts[i], b.parts[i]);
    if (this.map) {
      const m = a.parts[n] as Map<string, Set<string>>;
      for (const [k, v] of b.parts[n] as Map<string, Set<string>>) m.set(k, v);
    }
    return a;
  }

  finalize(acc: EngineAcc): FlagsResult {
    const results = {} as FlagsResult["results"];
    for (const g of GROUPS) results[g] = new Map();
    const meta: FlagsResult["meta"] = {};
    const maps: FlagsResult["maps"] = {};
    if (this.map) {
      for (const name of MAP_NAMES) maps[name] = new Map();
      maps.ocid_tenderer = acc.parts[this.indicators.length] as Map<string, Set<string>>;
    }
    const sets: { code: IndicatorCode; flags: Flag[] | FlagColumns }[] = [];
    const record = (code: IndicatorCode, group: Group, id: string, value: number) => {
      const byId = results[group];
      let codes = byId.get(id);
      if (!codes) {
        codes = new Map();
        byId.set(id, codes);
      }
      codes.set(code, value);
    };
    this.indicators.forEach((ind, i) => {
      const out = ind.finalize(acc.parts[i]);
      acc.parts[i] = undefined; // let the accumulator go before the next indicator finalizes
      if (out.meta && Object.keys(out.meta).length > 0) meta[ind.code] = out.meta;
      if (this.map && out.maps) Object.assign(maps, out.maps);
      sets.push({ code: ind.code, flags: out.flags });
      if (Array.isArray(out.flags)) {
        for (const f of out.flags) record(ind.code, f.group, f.id, f.value);
      } else {
        const c = out.flags;
        for (let j = 0; j < c.id.length; j++) {
          record(ind.code, GROUPS[c.group[j] as number] as Group, c.id[j] as string, c.value[j] as number);
        }
      }
    });
    let explained: FlagsResult["flags"] | undefined;
    return {
      results,
      meta,
      maps,
      get flags() {
        if (!explained) {
          explained = [];
          for (const { code, flags } of sets) {
            const n = flagCount(flags);
            for (let j = 0; j < n; j++) explained.push({ code, ...flagAt(flags, j) });
          }
        }
        return explained;
      },
      currency: acc.currency,
      processes: acc.processes,
    };
  }
}

/**
 * Runs the enabled indicators over releases (e.g. all releases of one buyer held in the store).
 * `onProgress(done)` is called every 10,000 releases.
 */
export function runIndicators(
  settings: Settings,
  releases: Iterable<unknown>,
  opts: EngineOptions & { onProgress?: (done: number, total: number) => void } = {},
): FlagsResult {
  const engine = new Engine(settings, opts);
  let acc = engine.init();
  let n = 0;
  for (const r of releases) {
    acc = engine.fold(acc, r);
    if (opts.onProgress && ++n % 10_000 === 0) opts.onProgress(n, 0);
  }
  return engine.finalize(acc);
}

export interface CardinalOptions {
  meta?: boolean;
  map?: boolean;
  /** Adds a "Details" key: every flag with its values and threshold (a nous extension). */
  explain?: boolean;
}

/** The result as Cardinal's JSON object (groups, Meta rounded to 4 decimals, Maps). */
export function toCardinal(result: FlagsResult, opts: CardinalOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of GROUPS) {
    const byId = result.results[g];
    if (byId.size === 0) continue;
    const obj: Record<string, Record<string, number>> = {};
    for (const [id, codes] of byId) obj[id] = Object.fromEntries(codes);
    out[g] = obj;
  }
  if (opts.meta !== false) {
    const meta: Record<string, Record<string, number>> = {};
    for (const code of INDICATOR_CODES) {
      const m = result.meta[code];
      if (!m) continue;
      meta[code] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, round4(v)]));
    }
    out.Meta = meta;
  }
  if (opts.map) {
    const maps: Record<string, Record<string, string | string[]>> = {};
    for (const [name, m] of Object.entries(result.maps)) {
      const obj: Record<string, string | string[]> = {};
      for (const [k, v] of m) obj[k] = typeof v === "string" ? v : [...v];
      maps[name] = obj;
    }
    out.Maps = maps;
  }
  if (opts.explain) out.Details = result.flags;
  return out;
}

/** Cardinal's JSON text for a result (indicator values written as decimals, e.g. `1.0`). */
export function cardinalJson(result: FlagsResult, opts: CardinalOptions = {}): string {
  const obj = toCardinal(result, opts);
  const details = obj.Details;
  delete obj.Details;
  let text = stringifyFloats(obj);
  if (details !== undefined)
    text = `${text.slice(0, -1)}${text.length > 2 ? "," : ""}"Details":${JSON.stringify(details)}}`;
  return text;
}
