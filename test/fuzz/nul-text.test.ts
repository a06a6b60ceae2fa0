/**
 * Text holding a NUL character (`\u0000` in JSON) in any request body is a 400 naming the field,
 * on SQLite and on a real PostgreSQL server, and stores nothing. PostgreSQL cannot hold NUL in
 * text: before the JSON body parser refused it, each of these valid bodies reached the database
 * there and answered 500 ("invalid byte sequence for encoding UTF8: 0x00"), the anonymous sign-in
 * included, while SQLite stored the NUL silently.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app.ts";
import { TABLES } from "../../src/store/backup.ts";
import type { Store } from "../../src/store/db.ts";
import { loadDemo } from "../../src/app/demo.ts";
import { createApiToken } from "../../src/store/users.ts";
import { describePg } from "../support/pg.ts";
import { type StoreTarget, pgTarget, sqliteTarget, useSuiteStore } from "../support/store-suite.ts";

const NUL = "a\u0000b";
/** Valid bodies, each with one text field holding a NUL; the route would store them otherwise. */
const CASES: [string, string, Record<string, unknown>][] = [
  ["POST", "/api/auth/login", { username: NUL, password: "demo-admin-pass" }],
  [
    "POST",
    "/api/services",
    { id: "nul-1", name: NUL, classification: "core", classificationReason: "r", reason: "r" },
  ],
  ["POST", "/api/contracts", { id: "nul-2", title: "t", buyer: NUL, supplier: "s", reason: "r" }],
  ["POST", "/api/contracts/sscl-bss/kpis", { id: NUL, title: "t", reason: "r" }],
  ["POST", "/api/users/finance/tokens", { name: NUL, reason: "r" }],
  ["POST", "/api/services/hr/publication", { published: true, reason: NUL }],
  [
    "POST",
    "/api/ocds/releases",
    {
      releases: [
        {
          ocid: "ocds-nul01-x",
          id: NUL,
          date: "2026-01-01T00:00:00Z",
          tag: ["tender"],
          initiationType: "tender",
        },
      ],
    },
  ],
  [
    "POST",
    "/api/services",
    { id: "nul-3", [NUL]: "x", name: "n", classification: "core", classificationReason: "r", reason: "r" },
  ],
];

async function counts(store: Store): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = Number(
      (
        await store.db
          .selectFrom(t)
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return out;
}

function nulSuite(kind: string, target: StoreTarget): void {
  describe(`NUL in request text on ${kind}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let base: string;
    let token: string;
    useSuiteStore(target, {
      seed: async (s) => {
        await loadDemo(s);
        token = await createApiToken(s, "admin", "test", "test");
        app = await buildServer({ store: s, webRoot: join(tmpdir(), "no-web") });
        base = await app.listen({ port: 0, host: "127.0.0.1" });
      },
      opened: (s) => {
        store = s;
      },
    });

    it("answers 400 naming the field for every body, and stores nothing", async () => {
      try {
        const before = await counts(store);
        for (const [method, path, body] of CASES) {
          const res = await fetch(base + path, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: JSON.stringify(body),
          });
          const json = (await res.json()) as { error: string; message: string };
          expect(res.status, `${method} ${path}`).toBe(400);
          expect(json.message, `${method} ${path}`).toMatch(/NUL character \(\\u0000\) in the field "/);
        }
        expect(await counts(store)).toEqual(before);
      } finally {
        // the next test uses the same server
      }
    });

    it("answers 400 for a NUL in a path parameter or a query value, on reads and writes alike", async () => {
      try {
        const before = await counts(store);
        for (const [method, path] of [
          ["GET", "/api/services/a%00b"],
          ["GET", "/api/contracts/a%00b/events"],
          ["PATCH", "/api/services/a%00b"],
          ["POST", "/api/billing/exceptions/a%00b/dispute"],
          ["GET", "/api/decide/appraisals/a%00b/result"],
          ["GET", "/api/audit?entity=a%00b"],
        ] as const) {
          const res = await fetch(base + path, {
            method,
            headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
            body: method === "GET" ? undefined : JSON.stringify({ reason: "x", name: "y" }),
          });
          const json = (await res.json()) as { error: string; message: string };
          expect(res.status, `${method} ${path}`).toBe(400);
          expect(json.message, `${method} ${path}`).toMatch(/holds a NUL character \(U\+0000\)/);
        }
        expect(await counts(store)).toEqual(before);
      } finally {
        await app.close();
      }
    });
  });
}

nulSuite("SQLite", sqliteTarget("nous-nul-sqlite-"));
describePg("PostgreSQL", () => {
  nulSuite("PostgreSQL", pgTarget);
});
