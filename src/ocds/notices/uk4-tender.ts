/**
 * UK4 tender notice (Procurement Act 2023, s.21): invites suppliers to bid. As OCDS: a
 * `tender` release with an active tender, its procedure, value, items and the deadline.
 */
import { InputError } from "../../shared/errors.ts";
import type { JsonObject } from "../types.ts";
import { type Money, type NoticeContext, noticeDocument, releaseBase, value } from "./common.ts";

export interface TenderInput {
  ctx: NoticeContext;
  title: string;
  description?: string;
  category: "goods" | "services" | "works";
  /** "open" for the open procedure; "selective" for a competitive flexible procedure. */
  procedure: "open" | "selective";
  estimatedValue: Money;
  /** Date-times: publication of the tender and the deadline for tenders. */
  tenderPeriod: { startDate: string; endDate: string };
  /** CPV codes of what is bought. */
  cpv: { id: string; description: string }[];
}

export function uk4Tender(input: TenderInput): JsonObject {
  if (input.tenderPeriod.endDate <= input.tenderPeriod.startDate) {
    throw new InputError("the deadline for tenders must be after the tender period starts", {
      location: { path: "tenderPeriod.endDate" },
    });
  }
  const r = releaseBase("UK4", ["tender"], input.ctx);
  const tender: JsonObject = { id: `${input.ctx.ocid}-tender`, title: input.title };
  if (input.description) tender.description = input.description;
  tender.status = "active";
  tender.procurementMethod = input.procedure;
  tender.procurementMethodDetails =
    input.procedure === "open" ? "Open procedure" : "Competitive flexible procedure";
  tender.mainProcurementCategory = input.category;
  tender.value = value(input.estimatedValue);
  tender.tenderPeriod = { startDate: input.tenderPeriod.startDate, endDate: input.tenderPeriod.endDate };
  tender.items = input.cpv.map((c, i) => ({
    id: String(i + 1),
    description: c.description,
    classification: { scheme: "CPV", id: c.id, description: c.description },
  }));
  tender.documents = [noticeDocument("UK4", input.ctx)];
  r.tender = tender;
  return r;
}
