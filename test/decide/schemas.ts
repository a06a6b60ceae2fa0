/** The JSON schemas published under schema/decide/, generated from the zod definitions. */
import { z } from "zod";
import { caseSchema } from "../../src/decide/case/case-schema.ts";
import { capabilitySchema } from "../../src/decide/capability/capability-schema.ts";
import { catalogueSchema } from "../../src/decide/catalogue/catalogue-schema.ts";
import { dmaSchema } from "../../src/decide/dma/dma-schema.ts";
import { gateHistorySchema } from "../../src/decide/gates/history-schema.ts";
import { contractSchema } from "../../src/decide/horizon/contract-schema.ts";
import { workforceSchema } from "../../src/decide/workforce/workforce-schema.ts";

export function decideSchemas(): Record<string, unknown> {
  return {
    "schema/decide/case.schema.json": {
      ...z.toJSONSchema(caseSchema, { io: "input" }),
      title: "nous appraisal case",
    },
    "schema/decide/contract.schema.json": {
      ...z.toJSONSchema(contractSchema, { io: "input" }),
      title: "nous contract payment profile (accountability horizon)",
    },
    "schema/decide/pipeline.schema.json": {
      ...z.toJSONSchema(catalogueSchema, { io: "input" }),
      title: "nous service catalogue and market-testing pipeline",
    },
    "schema/decide/dma.schema.json": {
      ...z.toJSONSchema(dmaSchema, { io: "input" }),
      title: "nous delivery model assessment",
    },
    "schema/decide/workforce.schema.json": {
      ...z.toJSONSchema(workforceSchema, { io: "input" }),
      title: "nous workforce impact",
    },
    "schema/decide/gates.schema.json": {
      ...z.toJSONSchema(gateHistorySchema, { io: "input" }),
      title: "nous lifecycle gate history",
    },
    "schema/decide/capability.schema.json": {
      ...z.toJSONSchema(capabilitySchema, { io: "input" }),
      title: "nous commercial capability self-assessment",
    },
  };
}
