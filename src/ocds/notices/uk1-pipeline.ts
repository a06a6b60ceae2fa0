/**
 * UK1 pipeline notice (Procurement Act 2023, s.93): a contracting authority expecting to spend
 * more than £100m in the coming year publishes the procurements it plans in the next 18 months.
 * As OCDS: a `planning` release with the planned tender (status `planned`), its estimated
 * value and the expected date the tender notice will be published.
 */
import type { JsonObject } from "../types.ts";
import { type Money, type NoticeContext, noticeDocument, releaseBase, value } from "./common.ts";

export interface PipelineInput {
  ctx: NoticeContext;
  title: string;
  description?: string;
  category: "goods" | "services" | "works";
  estimatedValue: Money;
  /** Date the tender notice is expected to be published (YYYY-MM-DD). */
  expectedTenderDate: string;
  /** Budget rationale, e.g. the business case reference. */
  rationale?: string;
}

export function uk1Pipeline(input: PipelineInput): JsonObject {
  const r = releaseBase("UK1", ["planning"], input.ctx);
  const planning: JsonObject = {};
  if (input.rationale) planning.rationale = input.rationale;
  planning.budget = { amount: value(input.estimatedValue) };
  planning.documents = [noticeDocument("UK1", input.ctx)];
  r.planning = planning;
  const tender: JsonObject = { id: `${input.ctx.ocid}-tender`, title: input.title };
  if (input.description) tender.description = input.description;
  tender.status = "planned";
  tender.mainProcurementCategory = input.category;
  tender.value = value(input.estimatedValue);
  tender.tenderPeriod = { startDate: `${input.expectedTenderDate}T00:00:00Z` };
  r.tender = tender;
  return r;
}
