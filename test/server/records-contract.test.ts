/**
 * The register's and the accounts' answers pass through their response schemas (only declared
 * fields leave the server), so a field the contract forgot, or a null it declared as text,
 * would be dropped or changed on the way out without an error. Each read answers exactly what
 * the use case and the store hold, field for field, to staff and to the public, and every answer
 * parses with its contract's zod schema.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import * as accountsApi from "../../src/contract/accounts.ts";
import * as recordsApi from "../../src/contract/records.ts";
import { accounts } from "../../src/app/accounts.ts";
import {
  contractDetail,
  contractList,
  decisionsWithFlags,
  elections,
  organisations,
  pipeline,
  serviceDetail,
  waves,
} from "../../src/app/records.ts";
import { listServices } from "../../src/store/records.ts";
import { type DemoServer, call, startDemoServer } from "./helpers.ts";

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});

afterAll(async () => {
  await server.close();
});

/** The answer to GET `path` for `role`, checked against its operation's response schema. */
async function read(role: string, path: string, schema: z.ZodType): Promise<unknown> {
  const res = await call(server, role, "GET", path);
  expect(res.status, `${role} GET ${path}`).toBe(200);
  const parsed = schema.safeParse(res.json);
  expect(parsed.success ? [] : parsed.error.issues, `${role} GET ${path}`).toEqual([]);
  return res.json;
}

describe("the register's answers are what the store holds", () => {
  for (const [role, publishedOnly] of [
    ["admin", false],
    ["public", true],
  ] as const) {
    it(`answers ${role} every field of every record it may see`, async () => {
      const store = server.store;
      const v = { publishedOnly };
      expect(await read(role, "/api/services", recordsApi.listServices.response)).toEqual(
        await listServices(store, publishedOnly),
      );
      // The status is derived from the dates and today (src/app/manage-dates.ts), not the stored flag.
      expect(await read(role, "/api/contracts", recordsApi.listContracts.response)).toEqual(
        await contractList(store, v),
      );
      expect(await read(role, "/api/decisions", recordsApi.listDecisions.response)).toEqual(
        await decisionsWithFlags(store, v),
      );
      expect(await read(role, "/api/pipeline", recordsApi.getPipeline.response)).toEqual(await pipeline(store, v));
      expect(await read(role, "/api/services/finance", recordsApi.getService.response)).toEqual(
        await serviceDetail(store, "finance", v),
      );
      expect(await read(role, "/api/contracts/sscl-bss", recordsApi.getContract.response)).toEqual(
        await contractDetail(store, "sscl-bss", v),
      );
      expect(await read(role, "/api/waves", recordsApi.listWaves.response)).toEqual(await waves(store));
      expect(await read(role, "/api/organisations", recordsApi.listOrganisations.response)).toEqual(
        await organisations(store),
      );
      expect(await read(role, "/api/elections", recordsApi.listElections.response)).toEqual(await elections(store));
    });
  }

  it("answers accounts and the caller as stored, never a password hash", async () => {
    const list = await read("admin", "/api/users", accountsApi.listAccounts.response);
    expect(list).toEqual(await accounts(server.store));
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);
    expect(await read("scrutineer", "/api/auth/me", accountsApi.getMe.response)).toEqual({
      username: "scrutineer",
      displayName: expect.any(String),
      role: "scrutineer",
    });
    expect(await read("public", "/api/auth/me", accountsApi.getMe.response)).toEqual({
      username: null,
      displayName: "Public",
      role: "public",
    });
  });
});
