/** File form of a workforce impact (`nous decide workforce FILE.json`). */
import { z } from "zod";
import { issuesToInputError } from "../case/zod-issues.ts";
import type { WorkforceImpact } from "./types.ts";

export const workforceSchema = z.strictObject({
  description: z.string().optional(),
  service: z.string().min(1),
  postsInScope: z.number(),
  transferred: z.number(),
  retained: z.number(),
  redundant: z.number(),
  relocated: z.array(z.strictObject({ location: z.string(), posts: z.number() })).default([]),
  zeroHours: z.strictObject({
    status: z.enum(["yes", "no", "not-declared"]),
    source: z.string().optional(),
    date: z.string().optional(),
  }),
});

export function parseWorkforce(data: unknown, file?: string): WorkforceImpact {
  const r = workforceSchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  return r.data as WorkforceImpact;
}
