/**
 * Prepare: corrects quality issues in a compiled release that would distort the indicators, as
 * configured in the settings file (Cardinal's `prepare` command), and reports the issues it finds
 * as rows: line, ocid, path, array indexes, incorrect value, error description ("not set",
 * "invalid", "is zero").
 *
 * Steps, in order: move auction bids; normalize tenderers/suppliers objects to arrays; ID fields to
 * strings; redact organization ids; prefix organization ids; split procurement method details;
 * award status by contract status; re-map codes; fill in defaults; redact amounts; report issues.
 */
import { csvRow, num, text } from "../shared/csv.ts";
import type { Settings } from "./settings.ts";
import type { Json } from "./view.ts";

export interface PrepareIssue {
  line: number;
  ocid: string;
  path: string;
  indexes: string;
  value: string;
  description: "not set" | "invalid" | "is zero";
}

export interface PrepareResult {
  release: Json;
  issues: PrepareIssue[];
  warnings: string[];
}

const BID_STATUS = new Set(["invited", "pending", "valid", "disqualified", "withdrawn"]);
const AWARD_STATUS = new Set(["pending", "active", "cancelled", "unsuccessful"]);

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const arr = (v: unknown): Json[] => (Array.isArray(v) ? v : []);

function idToString(o: Json): void {
  if (isObject(o) && typeof o.id === "number") o.id = String(o.id);
}

/** Corrects one compiled release in place and returns it with the issues found. */
export function prepareRelease(release: Json, settings: Settings, line: number): PrepareResult {
  const issues: PrepareIssue[] = [];
  const warnings: string[] = [];
  if (!isObject(release)) return { release, issues, warnings: [`line ${line}: not a JSON object`] };
  const ocid = typeof release.ocid === "string" ? release.ocid : "";
  const { defaults, redactions, corrections, modifications, codelists } = settings;

  // Move auction bids.
  if (modifications.moveAuctions && Array.isArray(release.auctions)) {
    if (release.bids !== undefined) warnings.push(`line ${line}: both /auctions and /bids are set`);
    // The bids leave the auction stages; the auctions and their stages stay.
    const moved: Json[] = [];
    for (const a of release.auctions) {
      for (const st of arr(a?.stages)) {
        if (!isObject(st) || !Array.isArray(st.bids)) continue;
        for (const b of st.bids) moved.push(b);
        delete st.bids;
      }
    }
    if (moved.length > 0) {
      if (!isObject(release.bids)) release.bids = {};
      release.bids.details = arr(release.bids.details).concat(moved);
    }
  }

  const bids = isObject(release.bids) ? arr(release.bids.details) : [];
  const awards = arr(release.awards);
  const tender = isObject(release.tender) ? release.tender : undefined;

  // Structure: objects where arrays are expected.
  for (const b of bids) if (isObject(b) && isObject(b.tenderers)) b.tenderers = [b.tenderers];
  for (const a of awards) if (isObject(a) && isObject(a.suppliers)) a.suppliers = [a.suppliers];

  // Organization references, for id normalization, redaction and prefixes.
  const buyerSide: Json[] = [release.buyer, tender?.procuringEntity].filter(isObject);
  const supplierSide: Json[] = [];
  for (const b of bids) for (const t of arr(b?.tenderers)) if (isObject(t)) supplierSide.push(t);
  for (const a of awards) for (const s of arr(a?.suppliers)) if (isObject(s)) supplierSide.push(s);
  const parties = arr(release.parties).filter(isObject);

  for (const o of [...parties, ...buyerSide, ...supplierSide]) idToString(o);
  for (const a of awards) {
    idToString(a);
    for (const item of arr(a?.items)) if (isObject(item?.classification)) idToString(item.classification);
  }
  for (const c of arr(release.contracts))
    if (isObject(c) && typeof c.awardID === "number") c.awardID = String(c.awardID);

  const redacted = redactions.organizationId;
  if (redacted) {
    for (const o of [...parties, ...buyerSide, ...supplierSide]) if (redacted.has(o.id)) delete o.id;
  }
  const prefix = (refs: Json[], p: string | undefined) => {
    if (!p) return;
    for (const o of refs) if (typeof o.id === "string" && !o.id.startsWith(p)) o.id = p + o.id;
  };
  prefix(buyerSide, modifications.prefixBuyerOrProcuringEntityId);
  prefix(supplierSide, modifications.prefixTendererOrSupplierId);

  const sep = modifications.splitProcurementMethodDetails;
  if (sep && tender && typeof tender.procurementMethodDetails === "string") {
    const i = tender.procurementMethodDetails.indexOf(sep);
    if (i >= 0) tender.procurementMethodDetails = tender.procurementMethodDetails.slice(0, i).trim();
  }

  if (corrections.awardStatusByContractStatus) {
    const contracts = arr(release.contracts).filter(isObject);
    for (const a of awards) {
      if (!isObject(a) || a.id === undefined) continue;
      const related = contracts.filter((c) => String(c.awardID) === String(a.id));
      if (related.length > 0 && related.every((c) => c.status === "cancelled")) a.status = "cancelled";
    }
  }

  // Codes, then defaults.
  for (const b of bids) {
    if (!isObject(b)) continue;
    if (typeof b.status === "string" && codelists.bidStatus.has(b.status))
      b.status = codelists.bidStatus.get(b.status);
    if (b.status === undefined && defaults.bidStatus) b.status = defaults.bidStatus;
    if (isObject(b.value) && b.value.currency === undefined && defaults.currency)
      b.value.currency = defaults.currency;
    if (defaults.itemClassificationScheme) {
      for (const item of arr(b.items)) {
        if (isObject(item?.classification) && item.classification.scheme === undefined) {
          item.classification.scheme = defaults.itemClassificationScheme;
        }
      }
    }
    if (redactions.amount && isObject(b.value) && typeof b.value.amount === "number") {
      if (redactions.amount.has(b.value.amount)) delete b.value.amount;
    }
  }
  for (const a of awards) {
    if (!isObject(a)) continue;
    if (typeof a.status === "string" && codelists.awardStatus.has(a.status)) {
      a.status = codelists.awardStatus.get(a.status);
    }
    if (a.status === undefined && defaults.awardStatus) a.status = defaults.awardStatus;
    if (defaults.itemClassificationScheme) {
      for (const item of arr(a.items)) {
        if (isObject(item?.classification) && item.classification.scheme === undefined) {
          item.classification.scheme = defaults.itemClassificationScheme;
        }
      }
    }
  }
  if (defaults.partyRoles) {
    // Every party with the referenced id gets the role; roles are kept sorted (as Cardinal writes them).
    const byId = new Map<string, Json[]>();
    for (const p of parties) {
      if (typeof p.id !== "string") continue;
      const list = byId.get(p.id);
      if (list) list.push(p);
      else byId.set(p.id, [p]);
    }
    const changed = new Set<Json>();
    const need = (ref: Json, role: string) => {
      const list = isObject(ref) && typeof ref.id === "string" ? byId.get(ref.id) : undefined;
      for (const p of list ?? []) {
        if (!Array.isArray(p.roles)) p.roles = [];
        if (!p.roles.includes(role)) {
          p.roles.push(role);
          changed.add(p);
        }
      }
    };
    need(release.buyer, "buyer");
    need(tender?.procuringEntity, "procuringEntity");
    for (const b of bids) for (const t of arr(b?.tenderers)) need(t, "tenderer");
    for (const a of awards) for (const s of arr(a?.suppliers)) need(s, "supplier");
    for (const p of changed) p.roles.sort();
  }

  // Report what is still wrong.
  const issue = (path: string, indexes: string, value: unknown, description: PrepareIssue["description"]) =>
    issues.push({
      line,
      ocid,
      path,
      indexes,
      value:
        value === undefined || value === null
          ? ""
          : typeof value === "string"
            ? value
            : JSON.stringify(value),
      description,
    });
  bids.forEach((b, i) => {
    if (!isObject(b)) return;
    if (b.status === undefined || b.status === null)
      issue("/bids/details[]/status", String(i), undefined, "not set");
    else if (!BID_STATUS.has(b.status)) issue("/bids/details[]/status", String(i), b.status, "invalid");
    if (isObject(b.value)) {
      if (b.value.amount === 0) issue("/bids/details[]/value/amount", String(i), 0, "is zero");
      if (typeof b.value.amount === "number" && b.value.currency === undefined) {
        issue("/bids/details[]/value/currency", String(i), undefined, "not set");
      }
    }
  });
  awards.forEach((a, i) => {
    if (!isObject(a)) return;
    if (a.status === undefined || a.status === null)
      issue("/awards[]/status", String(i), undefined, "not set");
    else if (!AWARD_STATUS.has(a.status)) issue("/awards[]/status", String(i), a.status, "invalid");
  });
  return { release, issues, warnings };
}

/**
 * One CSV row (no header), as Cardinal writes quality issues. The ocid and the value come from the
 * publisher: text cells, so one that would read as a spreadsheet formula starts with `'`.
 */
export function issueCsvRow(i: PrepareIssue): string {
  return csvRow([
    num(i.line),
    text(i.ocid),
    text(i.path),
    num(i.indexes),
    text(i.value),
    text(i.description),
  ]);
}
