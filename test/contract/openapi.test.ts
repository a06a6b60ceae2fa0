/**
 * The API's one contract, checked where a client meets it: the OpenAPI document the server
 * publishes. Every operation has a unique operationId, a success answer with a schema, and a
 * security requirement (an empty one exactly when the public may call it), every API route the
 * server registered is in the document, and Redocly's recommended rules report no errors.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { openMigrated, type Store } from "../../src/store/db.ts";

interface OpenApiOperation {
  operationId?: string;
  security?: unknown[];
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const dir = mkdtempSync(join(tmpdir(), "nous-openapi-"));
let store: Store;
let app: FastifyInstance;
let doc: { paths: Record<string, Record<string, OpenApiOperation>> };

beforeAll(async () => {
  store = await openMigrated(join(dir, "nous.db"));
  app = await buildServer({ store, webRoot: join(dir, "no-web") });
  await app.ready();
  doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
});

afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const METHODS = ["get", "post", "put", "patch", "delete"];

function operations(): { key: string; op: OpenApiOperation }[] {
  const out: { key: string; op: OpenApiOperation }[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item))
      if (METHODS.includes(method)) out.push({ key: `${method.toUpperCase()} ${path}`, op });
  return out;
}

describe("the OpenAPI document", () => {
  it("gives every operation a unique operationId", () => {
    const missing = operations().filter((o) => !o.op.operationId).map((o) => o.key);
    expect(missing).toEqual([]);
    const ids = operations().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every operation a success answer with a schema", () => {
    const without = operations()
      .filter(({ op }) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        return !ok.some(([code, r]) => code === "204" || Object.values(r.content ?? {}).some((c) => c.schema));
      })
      .map((o) => o.key);
    expect(without).toEqual([]);
  });

  it("marks every operation's security: none exactly where the public may call it", () => {
    const routes = new Map(app.nousRoutes.map((r) => [`${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`, r]));
    const wrong: string[] = [];
    for (const { key, op } of operations()) {
      if (!Array.isArray(op.security)) {
        wrong.push(`${key}: no security`);
        continue;
      }
      const route = routes.get(key);
      const isPublic = route?.roles.includes("public") ?? false;
      if (isPublic !== (op.security.length === 0)) wrong.push(`${key}: security ${JSON.stringify(op.security)}, public ${isPublic}`);
    }
    expect(wrong).toEqual([]);
  });

  it("lists every API route the server registered", () => {
    const documented = new Set(operations().map((o) => o.key));
    const missing = app.nousRoutes
      .filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && r.url !== "/api/openapi.json")
      .map((r) => `${r.method} ${r.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`)
      .filter((k) => !documented.has(k));
    expect(missing).toEqual([]);
  });

  it("passes Redocly's recommended rules with no errors", () => {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const r = spawnSync(process.execPath, ["node_modules/@redocly/cli/bin/cli.js", "lint", file, "--format=json", "--max-problems=1000"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
      timeout: 120_000,
    });
    const json = r.stdout.slice(r.stdout.indexOf("{"));
    const report = JSON.parse(json) as { problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[] };
    const errors = report.problems.filter((p) => p.severity === "error");
    const warnings = report.problems.filter((p) => p.severity !== "error");
    const byRule = (list: typeof errors) => {
      const n = new Map<string, number>();
      for (const p of list) n.set(p.ruleId, (n.get(p.ruleId) ?? 0) + 1);
      return [...n].map(([rule, count]) => `${rule}: ${count}`);
    };
    console.log(`redocly lint: ${errors.length} errors, ${warnings.length} warnings (${byRule(warnings).join(", ") || "none"})`);
    expect(errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`)).toEqual([]);
  });
});
