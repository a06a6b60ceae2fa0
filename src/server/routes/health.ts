/** Liveness and store status. */
import type { FastifyPluginAsync } from "fastify";
import { ANYONE } from "../auth.ts";

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    "/health",
    {
      config: { roles: ANYONE },
      schema: { tags: ["system"], summary: "Health of the server and its store" },
    },
    async () => {
      await app.store.db.selectFrom("audit_head").select("seq").executeTakeFirst();
      return { status: "ok", store: app.store.kind, version: "0.1.0" };
    },
  );
};
