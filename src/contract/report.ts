/**
 * The scrutiny report in the API: the same report `nous report scrutiny --format html` writes, for
 * the body, a service or a contract, as one self-contained HTML file to download. Staff only: it
 * reads unpublished records. The PDF is made by the command line only (a Chromium per request is
 * too heavy for a shared server to start on demand).
 */
import { z } from "zod";
import { defineOperation } from "./operation.ts";
import { STAFF } from "./roles.ts";

export const ScrutinyReportQuery = z
  .object({
    service: z.string().min(1).max(200).optional().describe("Report on this service"),
    contract: z.string().min(1).max(200).optional().describe("Report on this contract (not with service)"),
    format: z
      .enum(["html"])
      .optional()
      .describe("Only html from the API; the PDF is `nous report scrutiny --format pdf`"),
  })
  .strict();
export type ScrutinyReportQuery = z.infer<typeof ScrutinyReportQuery>;

export const getScrutinyReport = defineOperation({
  operationId: "getScrutinyReport",
  method: "GET",
  path: "/report/scrutiny",
  summary: "The scrutiny report of the body, a service or a contract, as one self-contained HTML file",
  description:
    "Pipeline and stages, appraisals, decisions out of order and budget-driven, the accountability horizon, workforce, KPIs and service credits, savings claimed against realised, billing exceptions, red flags and open questions; every figure links the record it came from, and the report states the date its data was read. No script, no external style or font: the charts are inline SVG.",
  tags: ["report"],
  roles: STAFF,
  query: ScrutinyReportQuery,
  response: z.string(),
  produces: "text/html",
  errors: ["bad_input", "not_found"],
});
