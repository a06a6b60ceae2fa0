/**
 * OCDS in the API: the Procurement Act 2023 notices nous can produce for a contract (which, and
 * why not), a notice as an OCDS release, publishing it into the releases nous holds, the data
 * quality of those releases, and the summary an import of releases answers with. Releases are
 * public; a notice from unpublished facts is seen by staff only.
 */
import { z } from "zod";
import type { NoticeType as EngineNoticeType } from "../ocds/notices/common.ts";
import { Reason } from "./manage.ts";
import { defineOperation } from "./operation.ts";
import { ANYONE, CONTRACT_SIDE } from "./roles.ts";

/** The notices nous produces: the same as src/ocds/notices/from-register.ts NOTICE_TYPES (checked by the types below). */
export const NoticeType = z.enum(["UK1", "UK4", "UK6", "UK7", "UK9", "UK10", "UK11"]);
export type NoticeType = z.infer<typeof NoticeType>;
// Both ways: the contract names every notice type the engine has, and no other.
const _sameTypes: [
  NoticeType extends EngineNoticeType ? true : false,
  EngineNoticeType extends NoticeType ? true : false,
] = [true, true];
void _sameTypes;

export const NoticeStatus = z.object({
  type: NoticeType,
  name: z.string(),
  producible: z.boolean(),
  reason: z.string().describe("Why it cannot be produced now, or what it reports"),
  releaseId: z.string().nullable(),
  published: z.boolean().describe("Whether the release is already among the releases nous publishes"),
});
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** An OCDS release, as published (the OCDS 1.1.5 schema describes it). */
export const Release = z.record(z.string(), z.unknown()).describe("An OCDS 1.1.5 release");
export type Release = z.infer<typeof Release>;

export const ImportSummary = z.object({
  received: z.number().int(),
  inserted: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const CoverageRow = z.object({
  path: z.string().describe('Cardinal path syntax, e.g. "/awards[]/value/amount"'),
  releases: z.number().int().describe("Compiled releases in which the field is present and non-empty"),
  share: z.number().describe("releases / all compiled releases, 0..1"),
});
export type CoverageRow = z.infer<typeof CoverageRow>;

export const QualityFinding = z.object({ ocid: z.string(), path: z.string(), message: z.string() });
export type QualityFinding = z.infer<typeof QualityFinding>;

export const QualityCheckOutcome = z.object({
  id: z.string(),
  name: z.string(),
  detects: z.string(),
  matters: z.string(),
  checked: z.number().int(),
  failed: z.number().int(),
  findings: z.array(QualityFinding),
});
export type QualityCheckOutcome = z.infer<typeof QualityCheckOutcome>;

export const QualityReport = z.object({
  buyer: z.string().nullable(),
  releases: z.number().int(),
  compiledReleases: z.number().int(),
  coherent: z.number().int(),
  coverage: z.array(CoverageRow),
  checks: z.array(QualityCheckOutcome),
});
export type QualityReport = z.infer<typeof QualityReport>;

const NoticeParams = z.object({ id: z.string(), type: NoticeType });

export const listNotices = defineOperation({
  operationId: "listNotices",
  method: "GET",
  path: "/contracts/:id/notices",
  summary: "Which Procurement Act 2023 notices can be produced for a contract now, and why not",
  tags: ["ocds"],
  roles: ANYONE,
  params: z.object({ id: z.string() }),
  response: z.object({ notices: z.array(NoticeStatus) }),
});

export const getNotice = defineOperation({
  operationId: "getNotice",
  method: "GET",
  path: "/contracts/:id/notices/:type",
  summary: "A notice as an OCDS release; 409 saying why when it cannot be produced",
  tags: ["ocds"],
  roles: ANYONE,
  params: NoticeParams,
  errors: ["conflict"],
  response: Release,
});

export const publishNotice = defineOperation({
  operationId: "publishNotice",
  method: "POST",
  path: "/contracts/:id/notices/:type/publish",
  summary: "Validate a notice against OCDS 1.1.5 and add it to the releases nous publishes",
  description:
    "Built from the published contract and its published events only. Publishing the same notice twice changes nothing (200; 201 when it was added).",
  tags: ["ocds"],
  roles: CONTRACT_SIDE,
  params: NoticeParams,
  body: z.object({ reason: Reason }).strict(),
  otherStatuses: [201],
  errors: ["conflict"],
  response: ImportSummary.extend({ release: Release }),
});

export const getOcdsQuality = defineOperation({
  operationId: "getOcdsQuality",
  method: "GET",
  path: "/ocds/quality",
  summary: "Field coverage and coherence checks of the compiled releases nous holds",
  tags: ["ocds"],
  roles: ANYONE,
  query: z.object({ buyer: z.string().optional().describe("Buyer name, as in buyer.name") }).strict(),
  response: QualityReport,
});
