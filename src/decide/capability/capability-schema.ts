/** File form of a capability self-assessment (`nous decide capability FILE.json`). */
import { z } from "zod";
import { issuesToInputError } from "../case/zod-issues.ts";
import { CAPABILITY_AREAS, type CapabilityAreaId } from "./areas.ts";
import type { AreaAssessment } from "./assess.ts";

const AREA_IDS = CAPABILITY_AREAS.map((a) => a.id) as [CapabilityAreaId, ...CapabilityAreaId[]];

export const capabilitySchema = z.strictObject({
  description: z.string().optional(),
  body: z.string().min(1),
  date: z.string().optional(),
  areas: z.array(z.strictObject({ area: z.enum(AREA_IDS), score: z.number(), evidence: z.string() })),
});

export function parseCapability(data: unknown, file?: string): { body: string; areas: AreaAssessment[] } {
  const r = capabilitySchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  return { body: r.data.body, areas: r.data.areas };
}
