/** File form of a delivery model assessment (`nous decide dma FILE.json`); return-in-house cost in pounds. */
import { z } from "zod";
import { poundsField, toPence } from "../case/pounds.ts";
import { issuesToInputError } from "../case/zod-issues.ts";
import { type DeliveryModelAssessment, OPTION_TYPES } from "./types.ts";

export const dmaSchema = z.strictObject({
  description: z.string().optional(),
  service: z.string().min(1),
  maxScore: z.number().gt(0).optional(),
  options: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        type: z.enum(OPTION_TYPES),
        name: z.string().optional(),
        returnInHouse: z
          .strictObject({
            cost: poundsField.optional().describe("Pounds, one-off"),
            timeMonths: z.number().min(0).optional(),
            assets: z.string().optional(),
            people: z.string().optional(),
          })
          .optional(),
      }),
    )
    .min(1),
  criteria: z.array(
    z.strictObject({
      id: z.string().min(1),
      name: z.string(),
      kind: z.enum(["strategic", "operational"]),
      weight: z.number(),
    }),
  ),
  scores: z.array(
    z.strictObject({ option: z.string(), criterion: z.string(), score: z.number(), evidence: z.string() }),
  ),
});

export function parseDma(data: unknown, file?: string): DeliveryModelAssessment {
  const r = dmaSchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  const d = r.data;
  return {
    service: d.service,
    ...(d.maxScore !== undefined ? { maxScore: d.maxScore } : {}),
    criteria: d.criteria,
    scores: d.scores,
    options: d.options.map((o) => ({
      id: o.id,
      type: o.type,
      ...(o.name !== undefined ? { name: o.name } : {}),
      ...(o.returnInHouse
        ? {
            returnInHouse: {
              ...o.returnInHouse,
              ...(o.returnInHouse.cost !== undefined ? { cost: toPence(o.returnInHouse.cost) } : {}),
            },
          }
        : {}),
    })),
  };
}
