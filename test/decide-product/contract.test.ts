/**
 * The Decide contract declares the engine's results exactly: its response schemas serialise what
 * the API sends, so a field the engine adds and the contract misses would silently never leave the
 * server. The types are checked against the engine's own (at typecheck), and the deal's answer,
 * which serialises every kind's result through the schemas, equals the engine's results.
 */
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  appraisalReport,
  capabilityResult,
  dmaResult,
  horizonReport,
  workforceResult,
} from "../../src/app/decide-results.ts";
import type * as contract from "../../src/contract/decide.ts";
import type { CapabilitySummary } from "../../src/decide/capability/assess.ts";
import type { CaseReport } from "../../src/decide/case/run-case.ts";
import type { DmaResult } from "../../src/decide/dma/recommend.ts";
import type { DeliveryModelAssessment } from "../../src/decide/dma/types.ts";
import type { GateEvaluation } from "../../src/decide/gates/evaluate.ts";
import { horizonJson } from "../../src/decide/horizon/horizon-json.ts";
import type { WorkforceSummary } from "../../src/decide/workforce/summary.ts";
import { documents } from "../../src/demo/decide.ts";
import { elections } from "../../src/demo/scenario.ts";
import { type DemoServer, call, startDemoServer } from "../server/helpers.ts";

/**
 * A type's fields, all the way down, with optional and required alike (zod writes an optional
 * field as `x?: T | undefined`, the engine as `x?: T`): two types with the same Fields have the
 * same field names and types at every level.
 */
type Fields<T> = T extends readonly (infer U)[]
  ? Fields<U>[]
  : T extends object
    ? { [K in keyof T]-?: Fields<Exclude<T[K], undefined>> }
    : T;

describe("the Decide contract", () => {
  it("declares each result with the engine's own fields (checked by the type checker)", () => {
    type Dma = DmaResult & Pick<DeliveryModelAssessment, "options" | "criteria" | "scores">;
    type Horizon = ReturnType<typeof horizonJson> & { electionsFrom: string };
    expectTypeOf<Fields<z.output<typeof contract.AppraisalResult>>>().toEqualTypeOf<Fields<CaseReport>>();
    expectTypeOf<Fields<z.output<typeof contract.DmaResult>>>().toEqualTypeOf<Fields<Dma>>();
    expectTypeOf<Fields<z.output<typeof contract.WorkforceResult>>>().toEqualTypeOf<
      Fields<WorkforceSummary>
    >();
    expectTypeOf<Fields<z.output<typeof contract.CapabilityResult>>>().toEqualTypeOf<
      Fields<CapabilitySummary & { body: string }>
    >();
    expectTypeOf<Fields<z.output<typeof contract.HorizonResult>>>().toEqualTypeOf<Fields<Horizon>>();
    expectTypeOf<Fields<Omit<z.output<typeof contract.GateHistory>, "events">>>().toEqualTypeOf<
      Fields<GateEvaluation>
    >();
  });

  describe("over HTTP", () => {
    let server: DemoServer;
    beforeAll(async () => {
      server = await startDemoServer();
    });
    afterAll(async () => {
      await server?.close();
    });

    it("sends every kind's result in the deal exactly as the engine computes it", async () => {
      const res = await call(server, "public", "GET", "/api/decide/deals/sscl-bss?seed=5&iterations=1000");
      expect(res.status).toBe(200);
      const deal = res.json as contract.Deal;
      const stored = (kind: string) =>
        documents.find((d) => d.kind === kind && d.contractId === "sscl-bss")!.document;
      const calendar = {
        body: "Mayor of London",
        dates: elections.map((e) => e.heldOn).sort(),
        termYears: 4,
        next: "first-thursday-in-may" as const,
      };
      const expected: Record<string, unknown> = {
        appraisal: appraisalReport(stored("appraisal"), { seed: 5, iterations: 1000 }),
        dma: dmaResult(stored("dma")),
        workforce: workforceResult(stored("workforce")),
        capability: capabilityResult(stored("capability")),
        horizon: {
          ...horizonJson(horizonReport(stored("horizon"), calendar).report),
          electionsFrom: "elections table (london-mayor)",
        },
      };
      expect(deal.documents.map((d) => d.kind).sort()).toEqual(Object.keys(expected).sort());
      for (const d of deal.documents) expect(d.result, d.kind).toEqual(expected[d.kind]);
    });
  });
});
