/** Accounts and API tokens: administrators only. */
import type { FastifyPluginAsync } from "fastify";
import { ACCOUNT_ROLES } from "../../store/schema.ts";
import { addUser, createApiToken, listUsers } from "../../store/users.ts";
import { ADMIN, callerOf } from "../auth.ts";

export const userRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    "/users",
    { config: { roles: ADMIN }, schema: { tags: ["accounts"], summary: "List accounts" } },
    async () => {
      return (await listUsers(app.store)).map((u) => ({
        username: u.username,
        displayName: u.display_name,
        role: u.role,
        createdAt: u.created_at,
        disabled: u.disabled === 1,
      }));
    },
  );

  app.post<{ Body: { username: string; displayName?: string; role: string; password: string } }>(
    "/users",
    {
      config: { roles: ADMIN },
      schema: {
        tags: ["accounts"],
        summary: "Create an account",
        body: {
          type: "object",
          required: ["username", "role", "password"],
          additionalProperties: false,
          properties: {
            username: { type: "string" },
            displayName: { type: "string" },
            role: { type: "string", enum: ACCOUNT_ROLES },
            password: { type: "string", minLength: 8 },
          },
        },
      },
    },
    async (req, reply) => {
      const u = await addUser(app.store, req.body, callerOf(req).username, "account created through the API");
      return reply.code(201).send({ username: u.username, displayName: u.display_name, role: u.role });
    },
  );

  app.post<{ Params: { username: string }; Body: { name: string } }>(
    "/users/:username/tokens",
    {
      config: { roles: ADMIN },
      schema: {
        tags: ["accounts"],
        summary: "Issue an API token (shown once)",
        params: { type: "object", properties: { username: { type: "string" } } },
        body: {
          type: "object",
          required: ["name"],
          additionalProperties: false,
          properties: { name: { type: "string", minLength: 1 } },
        },
      },
    },
    async (req, reply) => {
      const token = await createApiToken(
        app.store,
        req.params.username,
        req.body.name,
        callerOf(req).username,
      );
      return reply.code(201).send({ token });
    },
  );
};
