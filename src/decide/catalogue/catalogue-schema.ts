/** File form of a service catalogue and pipeline (`nous decide pipeline FILE.json`); annual cost in pounds. */
import { z } from "zod";
import { isIsoDate } from "../../shared/dates.ts";
import { poundsField, toPence } from "../case/pounds.ts";
import { issuesToInputError } from "../case/zod-issues.ts";
import type { Catalogue } from "./types.ts";

export const catalogueSchema = z.strictObject({
  description: z.string().optional(),
  services: z.array(
    z.strictObject({
      id: z.string().min(1),
      name: z.string().min(1),
      owner: z.string().min(1),
      annualCost: poundsField.describe("Pounds a year"),
      staff: z.number().int().min(0),
      volumes: z.array(z.strictObject({ measure: z.string(), annual: z.number() })).default([]),
      classification: z.strictObject({ class: z.enum(["core", "non-core"]), reason: z.string() }),
    }),
  ),
  waves: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string(),
        start: z.string().refine(isIsoDate, "expected a date YYYY-MM-DD"),
        services: z.array(z.string()),
      }),
    )
    .default([]),
});

export function parseCatalogue(data: unknown, file?: string): Catalogue {
  const r = catalogueSchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  return {
    services: r.data.services.map((s) => ({ ...s, annualCost: toPence(s.annualCost) })),
    waves: r.data.waves,
  };
}
