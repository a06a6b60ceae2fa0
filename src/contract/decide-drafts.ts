/**
 * Drafts and versions of Decide's documents, the appraisal preview and the case spreadsheet: the
 * dashboard's forms save a document as a numbered draft (every version kept and audited), compare
 * two versions of an appraisal case (what changed, and what it did to the NPV, the probability
 * of meeting the savings target and the recommendation) or of a delivery model assessment (what
 * it did to the weighted scores, the recommended model and the findings), and publish one, which
 * makes it the stored document every other read uses (src/contract/decide.ts); a document PUT
 * is recorded as a version published at once. The preview computes a case's
 * result without storing it, bounded in Monte Carlo iterations. The template operations download
 * a case's cash flows as XLSX or CSV and read one back, refusing a bad cell by sheet, row and
 * column. What they do is in src/app/decide-drafts.ts and src/app/decide-sheets.ts.
 */
import { z } from "zod";
import {
  APPRAISAL_WRITERS,
  AppraisalResult,
  type DECIDE_KINDS,
  type DecideKind,
  DocumentFiles,
  Finding,
  StoredDocument,
} from "./decide.ts";
import { reason, slug } from "./fields.ts";
import { defineOperation } from "./operation.ts";
import { COMMERCIAL, type Role, STAFF } from "./roles.ts";

/** Most Monte Carlo iterations a preview or a comparison runs (the stored result runs the case's own). */
export const PREVIEW_ITERATIONS = 20_000;
/** Largest case a preview accepts, in bytes of JSON (ten options of fifty years is ~100 kB). */
export const PREVIEW_BYTES = 1024 * 1024;
/** Largest spreadsheet upload, in bytes of the file (base64 in the JSON body is a third larger). */
export const SHEET_BYTES = 4 * 1024 * 1024;

const versionParams = z.object({ id: z.string(), version: z.number().int().min(1) });

const versionOf = <K extends DecideKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    id: z.string(),
    version: z.number().int(),
    status: z.enum(["draft", "published"]),
    author: z.string(),
    createdAt: z.string().describe("When the version was saved, ISO 8601 UTC"),
    publishedAt: z.string().nullable(),
    serviceId: z.string().nullable(),
    contractId: z.string().nullable(),
    title: z.string(),
    note: z.string().describe("Why the version was saved (the audit reason)"),
    document: DocumentFiles[kind],
  });

export const DraftBody = z
  .object({
    serviceId: z.string().nullable().optional(),
    contractId: z.string().nullable().optional(),
    title: z.string().min(1),
    document: z.record(z.string(), z.unknown()).describe("The document in the engine's file form"),
    reason,
  })
  .strict();
export type DraftBody = z.infer<typeof DraftBody>;

export const PublishVersionBody = z.object({ reason }).strict();

interface Names {
  segment: string;
  label: string;
  one: string;
}

function versionOperations<K extends DecideKind, const N extends Names>(
  kind: K,
  n: N,
  writers: readonly Role[],
) {
  const tags = ["decide"];
  const version = versionOf(kind);
  return {
    listVersions: defineOperation({
      operationId: `list${n.one}Versions` as `list${N["one"]}Versions`,
      method: "GET",
      path: `/decide/${n.segment}/:id/versions` as `/decide/${N["segment"]}/:id/versions`,
      summary: `Every version of a ${n.label}, drafts and published, oldest first`,
      tags,
      roles: STAFF,
      params: z.object({ id: z.string() }),
      response: z.array(version),
    }),
    drafts: defineOperation({
      operationId: `list${n.one}Drafts` as `list${N["one"]}Drafts`,
      method: "GET",
      path: `/decide/drafts/${n.segment}` as `/decide/drafts/${N["segment"]}`,
      summary: `Each ${n.label} that has versions, with its latest version, newest first`,
      tags,
      roles: STAFF,
      response: z.array(version),
    }),
    saveDraft: defineOperation({
      operationId: `save${n.one}Draft` as `save${N["one"]}Draft`,
      method: "POST",
      path: `/decide/${n.segment}/:id/versions` as `/decide/${N["segment"]}/:id/versions`,
      summary: `Save a ${n.label} as its next draft version (validated by the engine's schema; nothing else changes)`,
      tags,
      roles: writers,
      params: z.object({ id: slug }),
      body: DraftBody,
      response: version,
      status: 201,
      errors: ["unknown_reference", "invalid_case"],
    }),
    publishVersion: defineOperation({
      operationId: `publish${n.one}Version` as `publish${N["one"]}Version`,
      method: "POST",
      path: `/decide/${n.segment}/:id/versions/:version/publication` as `/decide/${N["segment"]}/:id/versions/:version/publication`,
      summary: `Publish a version of a ${n.label}: it becomes the stored document every read uses, and the public sees it`,
      tags,
      roles: writers,
      params: versionParams,
      body: PublishVersionBody,
      response: StoredDocument,
    }),
  };
}

export const appraisalVersions = versionOperations(
  "appraisal",
  { segment: "appraisals", label: "appraisal case", one: "Appraisal" },
  APPRAISAL_WRITERS,
);
export const dmaVersions = versionOperations(
  "dma",
  { segment: "dmas", label: "delivery model assessment", one: "Dma" },
  COMMERCIAL,
);

export const workforceVersions = versionOperations(
  "workforce",
  { segment: "workforce", label: "workforce impact", one: "WorkforceImpact" },
  COMMERCIAL,
);
export const capabilityVersions = versionOperations(
  "capability",
  { segment: "capability", label: "capability self-assessment", one: "CapabilityAssessment" },
  COMMERCIAL,
);
export const horizonVersions = versionOperations(
  "horizon",
  { segment: "horizons", label: "payment profile and break points", one: "PaymentProfile" },
  COMMERCIAL,
);

/** Kinds whose versions the API serves, with their operations: every kind Decide stores. */
export const versionOperationsByKind = {
  appraisal: appraisalVersions,
  dma: dmaVersions,
  workforce: workforceVersions,
  capability: capabilityVersions,
  horizon: horizonVersions,
} as const;
export type VersionedKind = keyof typeof versionOperationsByKind;
export const VERSIONED_KINDS = Object.keys(versionOperationsByKind) as VersionedKind[];
// Every versioned kind is a stored kind.
VERSIONED_KINDS satisfies readonly (typeof DECIDE_KINDS)[number][];

export type AppraisalVersion = z.infer<ReturnType<typeof versionOf<"appraisal">>>;

export const CaseChange = z.object({
  where: z.string().describe('Where, in words: Option "Outsource", opex, year 3'),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const CaseComparison = z.object({
  id: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  iterations: z.number().int().describe("Monte Carlo iterations each side was computed with"),
  changes: z.array(CaseChange),
  npv: z.array(
    z.object({
      option: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
      change: z.string().nullable().describe("Decimal pounds, after minus before"),
    }),
  ),
  probabilityMeetsTarget: z.array(
    z.object({ option: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
  ),
  preferred: z.object({ before: z.string(), after: z.string(), changed: z.boolean() }),
});
export type CaseComparison = z.infer<typeof CaseComparison>;

export const compareAppraisalVersions = defineOperation({
  operationId: "compareAppraisalVersions",
  method: "GET",
  path: "/decide/appraisals/:id/comparison",
  summary:
    "What changed between two versions of an appraisal case, and what it did to each NPV, the probability of meeting the savings target and the recommendation",
  tags: ["decide"],
  roles: STAFF,
  params: z.object({ id: z.string() }),
  query: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
  response: CaseComparison,
  errors: ["busy"],
});

export const DmaComparison = z.object({
  id: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(
    CaseChange.extend({
      where: z.string().describe('Where, in words: Option "Shared service" on "Cost": score'),
    }),
  ),
  weighted: z.array(
    z.object({
      option: z.string(),
      before: z.number().nullable().describe("Weighted score on the scoring scale"),
      after: z.number().nullable(),
      change: z.number().nullable().describe("After minus before"),
    }),
  ),
  recommended: z.object({
    before: z.string().nullable(),
    after: z.string().nullable(),
    changed: z.boolean(),
  }),
  findings: z.object({
    raised: z.array(Finding).describe("In the later version, not the earlier"),
    cleared: z.array(Finding).describe("In the earlier version, not the later"),
  }),
});
export type DmaComparison = z.infer<typeof DmaComparison>;

export const compareDmaVersions = defineOperation({
  operationId: "compareDmaVersions",
  method: "GET",
  path: "/decide/dmas/:id/comparison",
  summary:
    "What changed between two versions of a delivery model assessment (criteria, weights, scores, return in-house), and what it did to each option's weighted score, the recommended model and the engine's findings",
  tags: ["decide"],
  roles: STAFF,
  params: z.object({ id: z.string() }),
  query: z.object({ from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
  response: DmaComparison,
});

export const PreviewBody = z
  .object({ document: z.record(z.string(), z.unknown()).describe("The case in the engine's file form") })
  .strict();

export const previewAppraisal = defineOperation({
  operationId: "previewAppraisal",
  method: "POST",
  path: "/decide/appraisal-preview",
  summary: `Compute an appraisal case's result without storing anything (Monte Carlo at most ${PREVIEW_ITERATIONS} iterations)`,
  description:
    "A case the engine refuses answers 400 invalid_case with every problem in details (JSON path and message).",
  tags: ["decide"],
  roles: APPRAISAL_WRITERS,
  body: PreviewBody,
  bodyLimit: PREVIEW_BYTES,
  response: z.object({ iterations: z.number().int(), result: AppraisalResult }),
  errors: ["invalid_case", "busy"],
});

// ---- the case spreadsheet ----

export const caseTemplate = defineOperation({
  operationId: "getAppraisalTemplate",
  method: "GET",
  path: "/decide/appraisals/:id/template",
  summary:
    "An appraisal case as a spreadsheet to fill in (Case, Options, Cash flows and Inputs sheets): XLSX, or the cash flows alone as CSV",
  tags: ["decide"],
  roles: STAFF,
  params: z.object({ id: z.string() }),
  query: z
    .object({
      format: z.enum(["xlsx", "csv"]).optional(),
      version: z.number().int().min(1).optional().describe("A version; default the published document"),
    })
    .strict(),
  response: z.string(),
  produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

export const blankCaseTemplate = defineOperation({
  operationId: "getBlankAppraisalTemplate",
  method: "GET",
  path: "/decide/appraisal-template",
  summary: "A blank appraisal case spreadsheet (XLSX) with its headers and one example row per sheet",
  tags: ["decide"],
  roles: STAFF,
  response: z.string(),
  produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
});

export const CaseSheetBody = z
  .object({
    fileName: z
      .string()
      .min(1)
      .max(200)
      .describe("case.xlsx or case.csv: the reader goes by the bytes, then the name"),
    contentBase64: z.string().min(1).describe("The file's bytes, base64"),
    base: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("For a CSV (cash flows only): the case whose cash flows it replaces"),
  })
  .strict();
export type CaseSheetBody = z.infer<typeof CaseSheetBody>;

export const readCaseSheet = defineOperation({
  operationId: "readAppraisalSheet",
  method: "POST",
  path: "/decide/appraisal-sheet",
  summary:
    "Read a filled appraisal spreadsheet into a case (validated by the engine's schema); stores nothing: save it as a draft to keep it",
  description:
    "A bad cell answers 400 bad_cells naming its sheet, row and column letter with what was expected; a case the engine refuses answers 400 invalid_case.",
  tags: ["decide"],
  roles: APPRAISAL_WRITERS,
  body: CaseSheetBody,
  bodyLimit: Math.ceil((SHEET_BYTES * 4) / 3) + 4096,
  response: z.object({ document: DocumentFiles.appraisal }),
  errors: ["bad_cells", "invalid_case"],
});
