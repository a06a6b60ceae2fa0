/**
 * The OCDS releases nous holds, as the API offers them: import a batch (validated against OCDS
 * 1.1.5 first, one transaction, idempotent) and read them back as a release package, which
 * anyone may.
 */
import { z } from "zod";
import { UPLOAD_BODY_LIMIT } from "./fields.ts";
import { ImportSummary, Release } from "./ocds.ts";
import { defineOperation } from "./operation.ts";
import { ANYONE, COMMERCIAL } from "./roles.ts";

export const ReleasePackage = z.object({
  uri: z.string(),
  publishedDate: z.string().describe("When the package was made, ISO 8601 UTC"),
  version: z.literal("1.1"),
  publisher: z.object({ name: z.string() }),
  releases: z.array(Release),
});
export type ReleasePackage = z.infer<typeof ReleasePackage>;

export const importReleases = defineOperation({
  operationId: "importReleases",
  method: "POST",
  path: "/ocds/releases",
  summary: "Import a release package; validated against OCDS 1.1.5 first, all or nothing, idempotent",
  description: "Answers 201 when it stored at least one release, 200 when every release was already held.",
  tags: ["ocds"],
  roles: COMMERCIAL,
  bodyLimit: UPLOAD_BODY_LIMIT,
  body: z.object({
    releases: z.array(z.unknown()),
    reason: z.string().optional().describe("Why the releases are imported; kept in the audit trail"),
  }),
  otherStatuses: [201],
  errors: ["conflict"],
  response: ImportSummary,
});

export const getReleasePackage = defineOperation({
  operationId: "getReleasePackage",
  method: "GET",
  path: "/ocds/releases",
  summary: "A release package of the releases nous holds",
  tags: ["ocds"],
  roles: ANYONE,
  query: z
    .object({
      ocid: z.string().optional(),
      since: z.string().optional(),
      limit: z.number().int().min(1).max(100000).optional(),
    })
    .strict(),
  response: ReleasePackage,
});
