/**
 * A read-only view of one compiled release, built once and shared by every indicator so that the
 * JSON is walked once: submitted, valid and disqualified bids, awards by status, organization ids.
 *
 * Also the global exclusions every indicator shares (Cardinal's rules): the ocid must be a string,
 * a cancelled tender is skipped, and `[exclusions] procurement_method_details` skips processes.
 */
import type { Settings } from "./settings.ts";

// biome-ignore lint/suspicious/noExplicitAny: compiled releases are untyped JSON, checked field by field.
export type Json = any;

export interface Bid {
  index: number;
  status?: string;
  /** String ids of the bid's tenderers. */
  tenderers: string[];
  /** Number of entries in `tenderers`, with or without an id. */
  tendererCount: number;
  amount?: number;
  currency?: string;
  date?: string;
}

export interface Award {
  status?: string;
  suppliers: string[];
  supplierCount: number;
  raw: Json;
}

/** Tracks the main currency: the configured one, else the first one observed. */
export class CurrencyState {
  value: string | undefined;
  constructor(configured?: string) {
    this.value = configured;
  }
  /** True when `currency` is the main currency (setting it if none is known yet). */
  accept(currency: string | undefined): boolean {
    if (typeof currency !== "string") return false;
    if (this.value === undefined) this.value = currency;
    return currency === this.value;
  }
}

export interface View {
  ocid: string;
  release: Json;
  tender: Json;
  buyerId?: string;
  procuringEntityId?: string;
  procurementMethod?: string;
  procurementMethodDetails?: string;
  bids: Bid[];
  submitted: Bid[];
  valid: Bid[];
  disqualified: Bid[];
  awards: Award[];
  active: Award[];
  /** No award is pending or invalid (the awarding is final). */
  awardsFinal: boolean;
  /** Bid prices may be compared (global price-comparison settings). */
  priceComparable: boolean;
  currency: CurrencyState;
}

const SUBMITTED = new Set(["pending", "valid", "disqualified"]);

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function ids(list: unknown): [string[], number] {
  if (!Array.isArray(list)) return [[], 0];
  const out: string[] = [];
  for (const o of list) {
    const id = isObject(o) ? o.id : undefined;
    if (typeof id === "string") out.push(id);
  }
  return [out, list.length];
}

/**
 * Builds the view of a release, or returns undefined when a global exclusion applies.
 */
export function buildView(release: Json, settings: Settings, currency: CurrencyState): View | undefined {
  if (!isObject(release)) return undefined;
  const ocid = release.ocid;
  if (typeof ocid !== "string") return undefined;
  const tender = isObject(release.tender) ? release.tender : {};
  if (tender.status === "cancelled") return undefined;
  const details = str(tender.procurementMethodDetails);
  const excluded = settings.exclusions.procurementMethodDetails;
  if (excluded && details !== undefined && excluded.has(details)) return undefined;

  let priceComparable = true;
  const no = settings.noPriceComparisonProcurementMethods;
  const yes = settings.priceComparisonProcurementMethods;
  if (no && details !== undefined && no.has(details)) priceComparable = false;
  if (yes && (details === undefined || !yes.has(details))) priceComparable = false;

  const bids: Bid[] = [];
  const submitted: Bid[] = [];
  const valid: Bid[] = [];
  const disqualified: Bid[] = [];
  const rawBids = isObject(release.bids) && Array.isArray(release.bids.details) ? release.bids.details : [];
  for (let i = 0; i < rawBids.length; i++) {
    const b = rawBids[i];
    if (!isObject(b)) continue;
    const [tenderers, tendererCount] = ids(b.tenderers);
    const value = isObject(b.value) ? b.value : undefined;
    const bid: Bid = {
      index: i,
      status: str(b.status),
      tenderers,
      tendererCount,
      amount: typeof value?.amount === "number" ? value.amount : undefined,
      currency: str(value?.currency),
      date: str(b.date),
    };
    bids.push(bid);
    if (bid.status !== undefined && SUBMITTED.has(bid.status)) {
      submitted.push(bid);
      if (bid.status === "valid") valid.push(bid);
      else if (bid.status === "disqualified") disqualified.push(bid);
    }
  }

  const awards: Award[] = [];
  const active: Award[] = [];
  let awardsFinal = true;
  if (Array.isArray(release.awards)) {
    for (const a of release.awards) {
      if (!isObject(a)) continue;
      const [suppliers, supplierCount] = ids(a.suppliers);
      const award: Award = { status: str(a.status), suppliers, supplierCount, raw: a };
      awards.push(award);
      if (award.status === "active") active.push(award);
      else if (award.status === "pending" || award.status === "invalid") awardsFinal = false;
    }
  }

  return {
    ocid,
    release,
    tender,
    buyerId: isObject(release.buyer) ? str(release.buyer.id) : undefined,
    procuringEntityId: isObject(tender.procuringEntity) ? str(tender.procuringEntity.id) : undefined,
    procurementMethod: str(tender.procurementMethod),
    procurementMethodDetails: details,
    bids,
    submitted,
    valid,
    disqualified,
    awards,
    active,
    awardsFinal,
    priceComparable,
    currency,
  };
}

/** The sole supplier of the sole active award, when the awarding is final and simple. */
export function soleWinner(view: View): string | undefined {
  if (!view.awardsFinal || view.active.length !== 1) return undefined;
  const award = view.active[0] as Award;
  if (award.supplierCount !== 1 || award.suppliers.length !== 1) return undefined;
  return award.suppliers[0];
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 date-time (with a time zone, as OCDS requires) to epoch milliseconds.
 * A date without a time or zone is not an instant: undefined, and the indicator skips it.
 */
export function parseInstant(s: unknown): number | undefined {
  if (typeof s !== "string" || !RFC3339.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}
