/**
 * OCDS releases held by nous: bulk import (one transaction, the use case in src/app/ocds-import.ts)
 * and listing as a release package (operations declared in src/contract/releases.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { importValidReleases } from "../../app/ocds-import.ts";
import * as op from "../../contract/releases.ts";
import { listReleases } from "../../store/releases.ts";
import { callerOf } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const releaseRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, op.importReleases, async ({ body, req, reply }) => {
    const caller = callerOf(req);
    const summary = await importValidReleases(app.store, body.releases, {
      username: caller.username,
      reason: body.reason ?? "release package imported through the API",
    });
    if (summary.inserted > 0) reply.code(201);
    return summary;
  });

  addOperation(app, op.getReleasePackage, async ({ query }) => {
    const rows = await listReleases(app.store, query);
    return {
      uri: "urn:nous:releases",
      publishedDate: new Date().toISOString(),
      version: "1.1",
      publisher: { name: "nous" },
      releases: rows.map((r) => JSON.parse(r.data_json) as Record<string, unknown>),
    } as const;
  });
};
