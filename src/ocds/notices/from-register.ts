/**
 * Which Procurement Act 2023 notices a contract in the register can produce now, and the
 * release for each one it can: from the register's contract fields, its events (KPIs, ratings,
 * changes, termination), the buyer and supplier as organisations and, when releases for the
 * contract's ocid are held, their compiled release (UK4 takes the tender from it). A notice that
 * cannot be produced gets a reason a user can act on. Pure: the caller loads the data; each
 * notice's date is the date of the fact it reports, so the same facts always give the same release.
 */
import { InputError } from "../../shared/errors.ts";
import { formatGBP, tryParsePounds } from "../../shared/money.ts";
import type { JsonObject } from "../types.ts";
import type { NoticeType, Organisation } from "./common.ts";
import { uk1Pipeline } from "./uk1-pipeline.ts";
import { type TenderInput, uk4Tender } from "./uk4-tender.ts";
import { uk6Award } from "./uk6-award.ts";
import { uk7ContractDetails } from "./uk7-contract-details.ts";
import { uk9Performance, type Rating } from "./uk9-performance.ts";
import { uk10Change } from "./uk10-change.ts";
import { type TerminationReason, uk11Termination } from "./uk11-termination.ts";

export const NOTICE_TYPES: readonly NoticeType[] = ["UK1", "UK4", "UK6", "UK7", "UK9", "UK10", "UK11"];

export const NOTICE_NAMES: Record<NoticeType, string> = {
  UK1: "Pipeline notice",
  UK4: "Tender notice",
  UK6: "Contract award notice",
  UK7: "Contract details notice",
  UK9: "Contract performance notice",
  UK10: "Contract change notice",
  UK11: "Contract termination notice",
};

export function isNoticeType(t: string): t is NoticeType {
  return (NOTICE_TYPES as readonly string[]).includes(t);
}

/** The register's fields of a contract that notices draw on (money in pence, dates ISO). */
export interface RegisterContract {
  ocid: string | null;
  title: string;
  description: string;
  buyer: string;
  supplier: string;
  value_pence: number | null;
  awarded_on: string | null;
  start_date: string | null;
  end_date: string | null;
}

/** The contract's recorded events, oldest first. */
export interface RegisterEvents {
  kpis: readonly { id: string; title: string; description: string; target: string }[];
  ratings: readonly { kpiId: string; periodEnd: string; rating: Rating; explanation: string }[];
  changes: readonly {
    id: string;
    changedOn: string;
    works: boolean;
    valueBeforePence: number;
    valueAfterPence: number;
    startDate: string;
    endBefore: string;
    endAfter: string;
    description: string;
    rationale: string;
    /** Whether the change needs a UK10 notice, and why (see changeNoticeRequired). */
    noticeRequired: boolean;
    noticeReasons: readonly string[];
  }[];
  termination: {
    terminatedOn: string;
    reason: TerminationReason;
    explanation: string;
    totalPaidPence: number;
  } | null;
}

export interface RegisterData {
  contract: RegisterContract;
  events: RegisterEvents;
  buyer: Organisation;
  supplier: Organisation;
  /** The compiled release of the releases held for the contract's ocid, if any are held. */
  compiled?: JsonObject | null;
}

export type NoticeAttempt = { ok: true; release: JsonObject; about: string } | { ok: false; reason: string };

/** The date 8 working days (Monday to Friday) after `iso`: the end of the standstill period. */
export function standstillEnd(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  let left = 8;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** The value the contract was entered into at: before its first recorded change. */
export function originalValue(c: RegisterContract, ev: RegisterEvents): number {
  return ev.changes.length ? ev.changes[0]!.valueBeforePence : Number(c.value_pence ?? 0);
}
/** The end date the contract was entered into with: before its first recorded change. */
export function originalEnd(c: RegisterContract, ev: RegisterEvents): string {
  return ev.changes.length ? ev.changes[0]!.endBefore : (c.end_date ?? "");
}

function missing(c: RegisterContract, fields: (keyof RegisterContract)[]): string | null {
  const gone = fields.filter((f) => c[f] === null || c[f] === "");
  return gone.length ? gone.join(", ") : null;
}

const asObject = (v: unknown): JsonObject | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : null;
const asText = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const dateTime = (d: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d);

/** CPV codes of the tender's items: the item classification or an additional one with scheme CPV. */
function cpvCodes(items: unknown): TenderInput["cpv"] {
  const out: TenderInput["cpv"] = [];
  const seen = new Set<string>();
  for (const raw of Array.isArray(items) ? items : []) {
    const item = asObject(raw);
    if (!item) continue;
    const extra = Array.isArray(item.additionalClassifications) ? item.additionalClassifications : [];
    for (const cl of [item.classification, ...extra].map(asObject)) {
      const id = cl && String(cl.scheme ?? "").toUpperCase() === "CPV" ? asText(cl.id) : null;
      if (!cl || !id || seen.has(id)) continue;
      seen.add(id);
      out.push({ id, description: asText(cl.description) ?? asText(item.description) ?? id });
    }
  }
  return out;
}

/** The UK4 input from the compiled release's tender, or what the tender lacks. */
export function tenderFromCompiled(
  c: RegisterContract,
  compiled: JsonObject | null | undefined,
  buyer: Organisation,
): { ok: true; input: TenderInput } | { ok: false; reason: string } {
  const ocid = c.ocid ?? "";
  if (!compiled)
    return {
      ok: false,
      reason: `UK4 needs the tender's procedure, tender period and CPV codes: no releases are held for ${ocid}`,
    };
  const tender = asObject(compiled.tender) ?? {};
  const method = tender.procurementMethod;
  const period = asObject(tender.tenderPeriod) ?? {};
  const start = asText(period.startDate);
  const end = asText(period.endDate);
  const cpv = cpvCodes(tender.items);
  const amount = asObject(tender.value)?.amount;
  const tenderPence =
    typeof amount === "number" || typeof amount === "string" ? tryParsePounds(String(amount)) : null;
  const valuePence = tenderPence ?? c.value_pence;
  const gone: string[] = [];
  if (method !== "open" && method !== "selective") gone.push("procurementMethod (open or selective)");
  if (!start) gone.push("tenderPeriod.startDate");
  if (!end) gone.push("tenderPeriod.endDate");
  if (cpv.length === 0) gone.push("items with CPV classifications");
  if (valuePence === null) gone.push("value");
  if (gone.length || !start || !end || valuePence === null)
    return {
      ok: false,
      reason: `UK4 needs the tender's ${gone.join(", ")}: not in the releases held for ${ocid}`,
    };
  const cat = tender.mainProcurementCategory;
  const description = asText(tender.description) ?? c.description;
  return {
    ok: true,
    input: {
      ctx: { ocid, date: dateTime(start), buyer },
      title: asText(tender.title) ?? c.title,
      ...(description ? { description } : {}),
      category: cat === "goods" || cat === "works" ? cat : "services",
      procedure: method === "open" ? "open" : "selective",
      estimatedValue: { pence: valuePence },
      tenderPeriod: { startDate: start, endDate: end },
      cpv,
    },
  };
}

/** Whether the notice of `type` can be produced from the register data now: its release, or why not. */
export function noticeFromRegister(type: NoticeType, data: RegisterData): NoticeAttempt {
  const { contract: c, events: ev, buyer, supplier } = data;
  const need = (fields: (keyof RegisterContract)[]): string | null => {
    const m = missing(c, ["ocid", ...fields]);
    return m ? `${type} needs the contract's ${m}: not recorded` : null;
  };
  const ocid = c.ocid ?? "";
  const awardId = `${ocid}-award-1`;
  const valuePence = Number(c.value_pence ?? 0);
  const build = (fn: () => JsonObject, about: string): NoticeAttempt => {
    try {
      return { ok: true, release: fn(), about };
    } catch (e) {
      if (e instanceof InputError) return { ok: false, reason: `${type}: ${e.message}` };
      throw e;
    }
  };
  // The notices from UK6 on follow an award: a contract still being procured has none of them yet.
  if (type !== "UK1" && type !== "UK4" && !c.awarded_on)
    return { ok: false, reason: `${type} comes after the award; this contract has not been awarded yet` };
  switch (type) {
    case "UK1": {
      if (c.awarded_on)
        return {
          ok: false,
          reason: `UK1 comes before the award; this contract was awarded on ${c.awarded_on}`,
        };
      const m = need(["value_pence", "start_date"]);
      if (m) return { ok: false, reason: m };
      const start = c.start_date ?? "";
      return build(
        () =>
          uk1Pipeline({
            ctx: { ocid, date: `${start}T00:00:00Z`, buyer },
            title: c.title,
            description: c.description,
            category: "services",
            estimatedValue: { pence: valuePence },
            expectedTenderDate: start,
          }),
        `planned procurement, estimated ${formatGBP(valuePence)}`,
      );
    }
    case "UK4": {
      if (c.awarded_on)
        return {
          ok: false,
          reason: `UK4 comes before the award; this contract was awarded on ${c.awarded_on}`,
        };
      const m = need([]);
      if (m) return { ok: false, reason: m };
      const t = tenderFromCompiled(c, data.compiled, buyer);
      if (!t.ok) return t;
      const { input } = t;
      return build(
        () => uk4Tender(input),
        `${input.procedure} procedure, estimated ${formatGBP(input.estimatedValue.pence)}; tenders due by ${input.tenderPeriod.endDate}`,
      );
    }
    case "UK6": {
      const m = need(["value_pence", "awarded_on", "supplier"]);
      if (m) return { ok: false, reason: m };
      const awarded = c.awarded_on ?? "";
      return build(
        () =>
          uk6Award({
            ctx: { ocid, date: `${awarded}T00:00:00Z`, buyer },
            awardId,
            title: c.title,
            suppliers: [supplier],
            value: { pence: valuePence },
            awardDate: awarded,
            standstillEnd: standstillEnd(awarded),
          }),
        `award to ${c.supplier} for ${formatGBP(valuePence)}; standstill ends ${standstillEnd(awarded)}`,
      );
    }
    case "UK7": {
      const m = need(["value_pence", "start_date", "end_date"]);
      if (m) return { ok: false, reason: m };
      const start = c.start_date ?? "";
      return build(
        () =>
          uk7ContractDetails({
            ctx: { ocid, date: `${start}T00:00:00Z`, buyer },
            contractId: `${ocid}-contract-1`,
            awardId,
            title: c.title,
            value: { pence: originalValue(c, ev) },
            dateSigned: c.awarded_on && c.awarded_on <= start ? c.awarded_on : start,
            period: { startDate: start, endDate: originalEnd(c, ev) },
            kpis: ev.kpis.map((k) => ({
              id: k.id,
              title: k.title,
              ...(k.description || k.target
                ? {
                    description: [k.description, k.target && `Target: ${k.target}`]
                      .filter(Boolean)
                      .join(". "),
                  }
                : {}),
            })),
          }),
        `contract entered into with ${ev.kpis.length} KPIs`,
      );
    }
    case "UK9": {
      if (!c.ocid) return { ok: false, reason: "UK9 needs the contract's ocid: not recorded" };
      if (ev.ratings.length === 0)
        return { ok: false, reason: "UK9 needs KPI ratings for a period: none recorded" };
      const periodEnd = ev.ratings[ev.ratings.length - 1]!.periodEnd;
      const rated = ev.ratings.filter((r) => r.periodEnd === periodEnd);
      return build(
        () =>
          uk9Performance({
            ctx: { ocid, date: `${periodEnd}T00:00:00Z`, buyer, releaseId: `${ocid}-UK9-${periodEnd}` },
            contractId: `${ocid}-contract-1`,
            awardId,
            periodEnd,
            assessments: rated.map((r) => ({
              kpiId: r.kpiId,
              rating: r.rating,
              ...(r.explanation ? { explanation: r.explanation } : {}),
            })),
          }),
        `${rated.length} KPI ratings for the period ending ${periodEnd}`,
      );
    }
    case "UK10": {
      if (!c.ocid) return { ok: false, reason: "UK10 needs the contract's ocid: not recorded" };
      if (ev.changes.length === 0)
        return { ok: false, reason: "UK10 needs a contract change: none recorded" };
      const ch = [...ev.changes].reverse().find((x) => x.noticeRequired);
      if (!ch) {
        const last = ev.changes[ev.changes.length - 1]!;
        return {
          ok: false,
          reason: `UK10 is not required: change ${last.id} moves the value and the term by 10% or less (15% for works)`,
        };
      }
      return build(
        () =>
          uk10Change({
            ctx: { ocid, date: `${ch.changedOn}T00:00:00Z`, buyer, releaseId: `${ocid}-UK10-${ch.id}` },
            contractId: `${ocid}-contract-1`,
            awardId,
            amendmentId: ch.id,
            before: {
              category: ch.works ? "works" : "services",
              value: { pence: ch.valueBeforePence },
              period: { startDate: ch.startDate, endDate: ch.endBefore },
            },
            after: {
              value: { pence: ch.valueAfterPence },
              period: { startDate: ch.startDate, endDate: ch.endAfter },
            },
            rationale: ch.rationale,
            description: ch.description,
          }),
        `change ${ch.id}: ${ch.noticeReasons.join("; ")}`,
      );
    }
    case "UK11": {
      if (!c.ocid) return { ok: false, reason: "UK11 needs the contract's ocid: not recorded" };
      const t = ev.termination;
      if (!t) return { ok: false, reason: "UK11 needs a termination: the contract has not ended" };
      const start = c.start_date ?? t.terminatedOn;
      return build(
        () =>
          uk11Termination({
            ctx: { ocid, date: `${t.terminatedOn}T00:00:00Z`, buyer },
            contractId: `${ocid}-contract-1`,
            awardId,
            contractStart: start,
            terminationDate: t.terminatedOn,
            reason: t.reason,
            ...(t.explanation ? { explanation: t.explanation } : {}),
            totalPaid: { pence: t.totalPaidPence },
          }),
        `ended ${t.terminatedOn} (${t.reason})`,
      );
    }
  }
}

/** Every notice type in order, with its release or the reason it cannot be produced now. */
export function noticesFromRegister(data: RegisterData): { type: NoticeType; attempt: NoticeAttempt }[] {
  return NOTICE_TYPES.map((type) => ({ type, attempt: noticeFromRegister(type, data) }));
}
