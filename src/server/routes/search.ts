/** Search (src/contract/search.ts; src/app/search.ts): staff find everything, the public what is published. */
import type { FastifyPluginAsync } from "fastify";
import { search } from "../../app/search.ts";
import * as op from "../../contract/search.ts";
import { seesUnpublished } from "../auth.ts";
import { addOperation } from "../operation.ts";

export const searchRoutes: FastifyPluginAsync = async (app) => {
  addOperation(app, op.search, ({ query, req }) =>
    search(app.store, query.q, {
      publishedOnly: !seesUnpublished(req),
      ...(query.limit ? { limit: query.limit } : {}),
    }),
  );
};
