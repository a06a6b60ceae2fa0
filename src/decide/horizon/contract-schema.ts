/**
 * The contract file for `nous horizon CONTRACT.json`: the payment profile (dated payments or
 * annual amounts, in pounds), break points with their termination cost, the decision date and
 * the election calendar (the London mayoral preset or the body's own). Amounts become integer
 * pence on the way in. The JSON schema in schema/decide/contract.schema.json is generated from
 * this definition.
 */
import { z } from "zod";
import { isIsoDate } from "../../shared/dates.ts";
import { poundsField, toPence } from "../case/pounds.ts";
import { issuesToInputError } from "../case/zod-issues.ts";
import { type ElectionCalendar, LONDON_MAYORAL } from "./elections.ts";
import type { HorizonInput } from "./horizon.ts";

const date = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");
const pounds = poundsField.describe("Pounds");

export const ELECTION_PRESETS: Record<string, ElectionCalendar> = { "london-mayoral": LONDON_MAYORAL };

export const contractSchema = z
  .strictObject({
    contract: z.string().min(1).describe("Contract name"),
    supplier: z.string().optional(),
    description: z.string().optional(),
    decisionDate: date.describe("Day the decision was taken; fixes the deciding administration"),
    elections: z
      .union(
        [
          z.literal("london-mayoral"),
          z.strictObject({
            body: z.string().min(1),
            dates: z.array(date).min(1),
            termYears: z.number().int().min(1).max(10),
            next: z.enum(["first-thursday-in-may", "same-day"]).default("same-day"),
          }),
        ],
        { error: 'expected "london-mayoral" or {"body", "dates", "termYears"}' },
      )
      .default("london-mayoral"),
    payments: z.array(z.strictObject({ date, amount: pounds, label: z.string().optional() })).optional(),
    annual: z
      .array(
        z.strictObject({
          start: date.describe("First day of the 12 months covered"),
          amount: pounds,
          label: z.string().optional(),
        }),
      )
      .optional(),
    breakPoints: z
      .array(z.strictObject({ date, terminationCost: pounds, label: z.string().optional() }))
      .optional(),
    annualBudget: pounds.optional().describe("The body's annual budget, to show each term's share of it"),
    annualContractSpend: pounds.optional().describe("The body's total annual spending on contracts"),
  })
  .superRefine((c, ctx) => {
    if ((c.payments ?? []).length === 0 && (c.annual ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: [], message: 'expected "payments" or "annual" amounts' });
    }
  });

export type ContractFile = z.output<typeof contractSchema>;

const pence = toPence;

export function parseContract(data: unknown, file?: string): HorizonInput & { file: ContractFile } {
  const r = contractSchema.safeParse(data, { reportInput: true });
  if (!r.success) throw issuesToInputError(r.error, file);
  const c = r.data;
  const elections = typeof c.elections === "string" ? ELECTION_PRESETS[c.elections]! : c.elections;
  return {
    file: c,
    contract: c.contract,
    decisionDate: c.decisionDate,
    elections,
    payments: {
      payments: (c.payments ?? []).map((p) => ({ date: p.date, amount: pence(p.amount) })),
      annual: (c.annual ?? []).map((a) => ({ start: a.start, amount: pence(a.amount) })),
    },
    breakPoints: (c.breakPoints ?? []).map((b) => ({
      date: b.date,
      terminationCost: pence(b.terminationCost),
      ...(b.label !== undefined ? { label: b.label } : {}),
    })),
    ...(c.annualBudget !== undefined ? { annualBudget: pence(c.annualBudget) } : {}),
    ...(c.annualContractSpend !== undefined ? { annualContractSpend: pence(c.annualContractSpend) } : {}),
  };
}
