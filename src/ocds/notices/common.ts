/**
 * What every Procurement Act 2023 notice shares when published as an OCDS release: the ocid and
 * release id, the date, the tag for the stage, the buyer, and a document that names the notice
 * type (UK1 ... UK11), as the UK OCDS profile does with `documents[].noticeType`.
 */
import { penceToDecimal } from "../../shared/money.ts";
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";

export type NoticeType = "UK1" | "UK4" | "UK6" | "UK7" | "UK9" | "UK10" | "UK11";

export interface Organisation {
  /** Organisation identifier as used in `parties[].id`, e.g. "GB-COH-09506232". */
  id: string;
  name: string;
  /** Scheme and identifier, e.g. { scheme: "GB-COH", id: "09506232" }. */
  identifier?: { scheme: string; id: string };
  address?: { streetAddress?: string; locality?: string; postalCode?: string; countryName?: string };
  email?: string;
}

/** Money as integer pence; notices carry it as an OCDS Value in pounds. */
export interface Money {
  pence: number;
  currency?: string;
}

export interface NoticeContext {
  ocid: string;
  /** ISO date-time of publication, e.g. "2025-03-01T09:00:00Z". */
  date: string;
  buyer: Organisation;
  /** Release id; defaults to `${ocid}-${noticeType}` (add a suffix for repeated notices). */
  releaseId?: string;
  language?: string;
}

export function value(m: Money): JsonObject {
  if (!Number.isInteger(m.pence)) {
    throw new InputError(`expected an amount in whole pence, got ${m.pence}`, {
      location: { path: "pence" },
    });
  }
  return { amount: Number(penceToDecimal(m.pence)), currency: m.currency ?? "GBP" };
}

export function party(o: Organisation, roles: string[]): JsonObject {
  const p: JsonObject = { id: o.id, name: o.name };
  if (o.identifier) p.identifier = { scheme: o.identifier.scheme, id: o.identifier.id, legalName: o.name };
  if (o.address) p.address = { ...o.address };
  if (o.email) p.contactPoint = { email: o.email };
  p.roles = roles;
  return p;
}

export function ref(o: Organisation): JsonObject {
  return { id: o.id, name: o.name };
}

/** documentType codes from the OCDS documentType codelist; `noticeType` says which notice it is. */
const DOCUMENT_TYPE: Record<NoticeType, string> = {
  UK1: "plannedProcurementNotice",
  UK4: "tenderNotice",
  UK6: "awardNotice",
  UK7: "contractNotice",
  UK9: "physicalProgressReport",
  UK10: "contractNotice",
  UK11: "contractNotice",
};

export function noticeDocument(type: NoticeType, ctx: NoticeContext, description?: string): JsonObject {
  const d: JsonObject = {
    id: `${releaseId(type, ctx)}-notice`,
    documentType: DOCUMENT_TYPE[type],
    noticeType: type,
    datePublished: ctx.date,
  };
  if (description) d.description = description;
  return d;
}

export function releaseId(type: NoticeType, ctx: NoticeContext): string {
  return ctx.releaseId ?? `${ctx.ocid}-${type}`;
}

/** The release fields every notice has, in the order the standard's examples use. */
export function releaseBase(
  type: NoticeType,
  tag: string[],
  ctx: NoticeContext,
  extraParties: JsonObject[] = [],
): JsonObject {
  if (!/^ocds-[a-z0-9]{6}-/.test(ctx.ocid)) {
    throw new InputError(`expected an ocid with a registered prefix (ocds-xxxxxx-...), got "${ctx.ocid}"`, {
      location: { path: "ocid" },
    });
  }
  return {
    ocid: ctx.ocid,
    id: releaseId(type, ctx),
    date: ctx.date,
    tag,
    initiationType: "tender",
    language: ctx.language ?? "en",
    parties: [party(ctx.buyer, ["buyer"]), ...extraParties],
    buyer: ref(ctx.buyer),
  };
}

/** Whole days between two ISO dates (or date-times). */
export function daysBetween(a: string, b: string): number {
  return Math.round(
    (Date.parse(b.length === 10 ? `${b}T00:00:00Z` : b) -
      Date.parse(a.length === 10 ? `${a}T00:00:00Z` : a)) /
      86_400_000,
  );
}
