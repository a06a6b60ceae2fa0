/** The JSON schemas published under schema/decide/, generated from the zod definitions. */
import { z } from "zod";
import { caseSchema } from "../../src/decide/case/case-schema.ts";

export function decideSchemas(): Record<string, unknown> {
  return {
    "schema/decide/case.schema.json": {
      ...z.toJSONSchema(caseSchema, { io: "input" }),
      title: "nous appraisal case",
    },
  };
}
