/** The JSON schemas published under schema/decide/, generated from the zod definitions. */
import { z } from "zod";
import { caseSchema } from "../../src/decide/case/case-schema.ts";
import { contractSchema } from "../../src/decide/horizon/contract-schema.ts";

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
  };
}
