/**
 * The settings file shared by `nous flags prepare` and `nous flags indicators`: the same INI format
 * and keys as Cardinal's settings file, so one file works with both tools.
 *
 * - Properties before any section are global (`currency`, `no_price_comparison_procurement_methods`,
 *   `price_comparison_procurement_methods`).
 * - A section named after an indicator (`[R024]`) enables it, even when empty.
 * - Lists are pipe-separated (`open|selective`).
 * - Comments start with `;` or `#`, at the start of a line or after whitespace.
 * - An unknown section or property is an error naming the section and property, because a typo
 *   would otherwise silently fall back to a default.
 */
import { InputError } from "../shared/errors.ts";
import { FLAG_RULES } from "./indicators/index.ts";

export type IndicatorCode =
  | "R003"
  | "R018"
  | "R024"
  | "R025"
  | "R028"
  | "R030"
  | "R035"
  | "R036"
  | "R038"
  | "R044"
  | "R048"
  | "R055"
  | "R058";

/** Codes of the registered indicators (src/flags/indicators/index.ts), in code order. */
export const INDICATOR_CODES: readonly IndicatorCode[] = FLAG_RULES.map((m) => m.meta.code).sort();

export interface Settings {
  /** Main currency; when unset, the first currency observed is used. */
  currency?: string;
  noPriceComparisonProcurementMethods?: Set<string>;
  priceComparisonProcurementMethods?: Set<string>;
  exclusions: { procurementMethodDetails?: Set<string> };
  defaults: {
    currency?: string;
    itemClassificationScheme?: string;
    bidStatus?: string;
    awardStatus?: string;
    partyRoles?: boolean;
  };
  redactions: { amount?: Set<number>; organizationId?: Set<string> };
  corrections: { awardStatusByContractStatus?: boolean };
  modifications: {
    moveAuctions?: boolean;
    prefixBuyerOrProcuringEntityId?: string;
    prefixTendererOrSupplierId?: string;
    splitProcurementMethodDetails?: string;
  };
  codelists: { bidStatus: Map<string, string>; awardStatus: Map<string, string> };
  /** Enabled indicators and their raw, validated properties. */
  indicators: Partial<Record<IndicatorCode, IndicatorSettings>>;
}

export interface IndicatorSettings {
  threshold?: number;
  percentile?: number;
  digits?: number;
  procurementMethods?: Set<string>;
  procurementMethodDetails?: Map<string, number>;
  minimumSubmittedBids?: number;
  minimumContractingProcesses?: number;
  startDate?: string;
  endDate?: string;
}

type Kind = "string" | "list" | "float" | "natural" | "bool" | "date" | "amounts";

/** The properties each section accepts, and how each value is read. */
const SECTIONS: Record<string, Record<string, Kind>> = {
  "": {
    currency: "string",
    no_price_comparison_procurement_methods: "list",
    price_comparison_procurement_methods: "list",
  },
  defaults: {
    currency: "string",
    item_classification_scheme: "string",
    bid_status: "string",
    award_status: "string",
    party_roles: "bool",
  },
  redactions: { amount: "amounts", organization_id: "list" },
  corrections: { award_status_by_contract_status: "bool" },
  modifications: {
    move_auctions: "bool",
    prefix_buyer_or_procuring_entity_id: "string",
    prefix_tenderer_or_supplier_id: "string",
    split_procurement_method_details: "string",
  },
  exclusions: { procurement_method_details: "list" },
  R003: { threshold: "natural", procurement_methods: "list" },
  R018: { procurement_methods: "list" },
  R024: { threshold: "float" },
  R025: { percentile: "natural", threshold: "float" },
  R028: {},
  R030: {},
  R035: { threshold: "natural" },
  R036: {},
  R038: { threshold: "float", minimum_submitted_bids: "natural", minimum_contracting_processes: "natural" },
  R044: {},
  R048: { digits: "natural", threshold: "natural", minimum_contracting_processes: "natural" },
  R055: { threshold: "float", start_date: "date", end_date: "date" },
  R058: { threshold: "float" },
};

/** Sections whose property names are free (values of a field), with the kind of every value. */
const OPEN_SECTIONS: Record<string, Kind> = {
  "R003.procurement_method_details": "natural",
  "codelists.bid_status": "string",
  "codelists.award_status": "string",
};

export function emptySettings(): Settings {
  return {
    exclusions: {},
    defaults: {},
    redactions: {},
    corrections: {},
    modifications: {},
    codelists: { bidStatus: new Map(), awardStatus: new Map() },
    indicators: {},
  };
}

/** Settings that enable every indicator with its defaults (like Cardinal's example settings file). */
export function allIndicatorsSettings(): Settings {
  const s = emptySettings();
  for (const code of INDICATOR_CODES) s.indicators[code] = {};
  return s;
}

/** Splits a pipe-separated list; empty entries are dropped. */
export function parsePipeList(value: string): Set<string> {
  return new Set(
    value
      .split("|")
      .map((v) => v.trim())
      .filter((v) => v !== ""),
  );
}

function stripComment(line: string): string {
  // A comment starts a line, or follows whitespace (`threshold = 15 # default`).
  const m = /(^|\s)[;#]/.exec(line);
  return m ? line.slice(0, m.index) : line;
}

const camel = (key: string): string => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Parses the text of a settings file. `file` names it in errors. */
export function parseSettings(text: string, file = "settings.ini"): Settings {
  const settings = emptySettings();
  let section = "";
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i] ?? "";
    const line = stripComment(raw).trim();
    if (line === "") continue;
    const fail = (message: string, path?: string): never => {
      throw new InputError(message, { code: "bad_settings", location: { file, line: lineNo, path } });
    };
    if (line.startsWith("[")) {
      if (!line.endsWith("]"))
        fail(`expected a section name in square brackets, got ${JSON.stringify(line)}`);
      section = line.slice(1, -1).trim();
      if (!(section in SECTIONS) && !(section in OPEN_SECTIONS)) {
        fail(
          `unknown section [${section}]; expected one of ${Object.keys(SECTIONS)
            .filter((s) => s !== "")
            .concat(Object.keys(OPEN_SECTIONS))
            .join(", ")}`,
          section,
        );
      }
      if (section in SECTIONS && /^R\d{3}$/.test(section)) {
        settings.indicators[section as IndicatorCode] ??= {};
      }
      if (section === "R003.procurement_method_details") settings.indicators.R003 ??= {};
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) fail(`expected "name = value", got ${JSON.stringify(line)}`, section || undefined);
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    const path = section ? `${section}.${key}` : key;
    const open = OPEN_SECTIONS[section];
    const kind = open ?? SECTIONS[section]?.[key];
    if (kind === undefined) {
      const known = Object.keys(SECTIONS[section] ?? {});
      fail(
        `unknown property "${key}" in ${section ? `section [${section}]` : "the top of the file"}; ${
          known.length ? `expected one of ${known.join(", ")}` : "this section takes no properties"
        }`,
        path,
      );
    }
    const parsed = parseValue(kind as Kind, value, (msg) => fail(msg, path));
    assign(settings, section, key, parsed);
  }
  const r055 = settings.indicators.R055;
  if (r055?.startDate && r055.endDate && r055.startDate > r055.endDate) {
    throw new InputError(`start_date ${r055.startDate} is after end_date ${r055.endDate}`, {
      code: "bad_settings",
      location: { file, path: "R055.start_date" },
    });
  }
  return settings;
}

function parseValue(kind: Kind, value: string, fail: (msg: string) => never): unknown {
  switch (kind) {
    case "string":
      return value;
    case "list":
      return parsePipeList(value);
    case "float": {
      const n = Number(value);
      if (value === "" || !Number.isFinite(n))
        fail(`expected a decimal number, got ${JSON.stringify(value)}`);
      return n;
    }
    case "natural": {
      if (!/^\d+$/.test(value)) fail(`expected a whole number (0 or more), got ${JSON.stringify(value)}`);
      return Number(value);
    }
    case "bool": {
      if (value === "true") return true;
      if (value === "false") return false;
      return fail(`expected true or false, got ${JSON.stringify(value)}`);
    }
    case "date": {
      const d = new Date(`${value}T00:00:00Z`);
      if (
        !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
        Number.isNaN(d.getTime()) ||
        d.toISOString().slice(0, 10) !== value
      ) {
        fail(`expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
      }
      return value;
    }
    case "amounts": {
      const out = new Set<number>();
      for (const v of parsePipeList(value)) {
        const n = Number(v);
        if (!Number.isFinite(n)) fail(`expected pipe-separated numbers, got ${JSON.stringify(v)}`);
        out.add(n);
      }
      return out;
    }
  }
}

function assign(s: Settings, section: string, key: string, value: unknown): void {
  const k = camel(key);
  if (section === "") {
    // biome-ignore lint/suspicious/noExplicitAny: keys were validated against SECTIONS above.
    (s as any)[k === "currency" ? "currency" : k] = value;
  } else if (section === "R003.procurement_method_details") {
    const r003 = s.indicators.R003 ?? {};
    s.indicators.R003 = r003;
    const pmd = r003.procurementMethodDetails ?? new Map<string, number>();
    r003.procurementMethodDetails = pmd;
    pmd.set(key, value as number);
  } else if (section === "codelists.bid_status") {
    s.codelists.bidStatus.set(key, value as string);
  } else if (section === "codelists.award_status") {
    s.codelists.awardStatus.set(key, value as string);
  } else if (/^R\d{3}$/.test(section)) {
    const ind = s.indicators[section as IndicatorCode] ?? {};
    s.indicators[section as IndicatorCode] = ind;
    // biome-ignore lint/suspicious/noExplicitAny: keys were validated against SECTIONS above.
    (ind as any)[k] = value;
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: section and key were validated against SECTIONS above.
    ((s as any)[camel(section)] as Record<string, unknown>)[k] = value;
  }
}
