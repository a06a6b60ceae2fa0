/** A real server on a real SQLite demo database, for API tests. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildServer } from "../../src/server/app.ts";
import { type Store, openMigrated } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { createApiToken } from "../../src/store/users.ts";

export interface DemoServer {
  app: FastifyInstance;
  store: Store;
  base: string;
  /** API token per demo role; `public` has none. */
  tokens: Record<string, string>;
  close(): Promise<void>;
}

export const ROLE_USERS: Record<string, string> = {
  admin: "admin",
  commercial: "commercial",
  "contract-manager": "contracts",
  finance: "finance",
  scrutineer: "scrutineer",
};

export async function startDemoServer(): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), "nous-api-"));
  const store = await openMigrated(join(dir, "nous.db"));
  await loadDemo(store);
  const tokens: Record<string, string> = {};
  for (const [role, user] of Object.entries(ROLE_USERS))
    tokens[role] = await createApiToken(store, user, "test", "test");
  const app = await buildServer({ store, webRoot: join(dir, "no-web") });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return {
    app,
    store,
    base,
    tokens,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function call(
  server: DemoServer,
  role: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  const token = server.tokens[role];
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(server.base + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, json };
}
