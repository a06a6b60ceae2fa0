/** File form of a gate history (`nous decide gates FILE.json`): `{"service", "events": [...]}`. */
import { z } from "zod";
import { isIsoDate } from "../../shared/dates.ts";
import { issuesToInputError } from "../case/zod-issues.ts";
import { ROLES } from "./definitions.ts";
import { DRIVERS, type GateEvent } from "./types.ts";

export const gateHistorySchema = z.strictObject({
  description: z.string().optional(),
  service: z.string().min(1),
  events: z.array(
    z.strictObject({
      gate: z.string().min(1),
      action: z.enum(["start", "approve", "reject"]),
      date: z.string().refine(isIsoDate, "expected a date YYYY-MM-DD"),
      by: z.string().min(1),
      role: z.enum(ROLES),
      evidence: z.array(z.string()).optional(),
      reason: z.string().optional(),
      drivers: z.array(z.enum(DRIVERS)).optional(),
      assessmentRecommends: z.string().min(1).optional(),
      optionChosen: z.string().min(1).optional(),
    }),
  ),
});

export function parseGateHistory(data: unknown, file?: string): { service: string; events: GateEvent[] } {
  const r = gateHistorySchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  return r.data as { service: string; events: GateEvent[] };
}
