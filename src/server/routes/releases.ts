/**
 * OCDS releases held by nous: bulk import (one transaction, the use case in src/app/ocds-import.ts)
 * and listing as a release package (operations declared in src/contract/releases.ts).
 */
import type { FastifyPluginAsync } from "fastify";
import { importValidReleases } from "../../app/ocds-import.ts";
import * as op from "../../contract/releases.ts";
import { releasePackageJson } from "../../app/release-package.ts";
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

  // The package is built once per change of the releases (src/app/release-package.ts) and sent
  // as its JSON text; its shape is the operation's ReleasePackage.
  addOperation(app, op.getReleasePackage, async ({ query, reply }) =>
    reply.type("application/json; charset=utf-8").send(await releasePackageJson(app.store, query)),
  );
};
