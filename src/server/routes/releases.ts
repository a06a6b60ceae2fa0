/** OCDS releases held by nous: bulk import (one transaction) and listing. */
import type { FastifyPluginAsync } from "fastify";
import { InputError } from "../../shared/errors.ts";
import { importReleases, listReleases } from "../../store/releases.ts";
import { ANYONE, COMMERCIAL, callerOf } from "../auth.ts";
import { assertValidReleases } from "./ocds.ts";
import { UPLOAD_BODY_LIMIT } from "../json-body.ts";

export const releaseRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: { releases?: unknown[]; reason?: string } }>(
    "/ocds/releases",
    {
      config: { roles: COMMERCIAL },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags: ["ocds"],
        summary: "Import a release package; validated against OCDS 1.1.5 first, all or nothing, idempotent",
        body: {
          type: "object",
          required: ["releases"],
          properties: { releases: { type: "array" }, reason: { type: "string" } },
        },
      },
    },
    async (req, reply) => {
      const releases = req.body.releases;
      if (!Array.isArray(releases))
        throw new InputError("expected a release package with a releases array", {
          location: { path: "$.releases" },
        });
      assertValidReleases(releases);
      const caller = callerOf(req);
      const summary = await importReleases(app.store, releases, {
        username: caller.username,
        reason: req.body.reason ?? "release package imported through the API",
      });
      return reply.code(summary.inserted > 0 ? 201 : 200).send(summary);
    },
  );

  app.get<{ Querystring: { ocid?: string; since?: string; limit?: number } }>(
    "/ocds/releases",
    {
      config: { roles: ANYONE },
      schema: {
        tags: ["ocds"],
        summary: "A release package of the releases nous holds",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            ocid: { type: "string" },
            since: { type: "string" },
            limit: { type: "integer", minimum: 1, maximum: 100000 },
          },
        },
      },
    },
    async (req) => {
      const rows = await listReleases(app.store, req.query);
      return {
        uri: "urn:nous:releases",
        publishedDate: new Date().toISOString(),
        version: "1.1",
        publisher: { name: "nous" },
        releases: rows.map((r) => JSON.parse(r.data_json) as unknown),
      };
    },
  );
};
