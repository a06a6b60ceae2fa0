/**
 * The appraisal case file (`nous appraise CASE.json`): options and their yearly cash flows in
 * pounds (costs negative), the discounting, and optional optimism bias, uncertain inputs for
 * Monte Carlo, correlations, a savings target and a baseline. Validated with zod; the JSON
 * schema in schema/decide/case.schema.json is generated from this definition.
 */
import { z } from "zod";
import { OPTIMISM_BIAS_CATEGORIES, type OptimismBiasCategory } from "../appraisal/optimism-bias.ts";
import { CASHFLOW_CATEGORIES } from "../appraisal/types.ts";
import { type Distribution, distributionProblem } from "../montecarlo/distributions.ts";
import { signedPounds } from "./pounds.ts";

const money = signedPounds;
const id = z.string().min(1);

const distribution = z.union([
  z.strictObject({ type: z.literal("uniform"), min: z.number(), max: z.number() }),
  z.strictObject({ type: z.literal("triangular"), min: z.number(), mode: z.number(), max: z.number() }),
  z.strictObject({ type: z.literal("pert"), min: z.number(), mode: z.number(), max: z.number() }),
  z.strictObject({ type: z.literal("normal"), mean: z.number(), sd: z.number() }),
  z.strictObject({ type: z.literal("lognormal"), mean: z.number(), sd: z.number() }),
  z.strictObject({ type: z.literal("lognormal"), meanlog: z.number(), sdlog: z.number() }),
]);

export const caseSchema = z
  .strictObject({
    name: z.string().min(1).describe("What is being decided"),
    description: z.string().optional(),
    discounting: z
      .union([z.literal("green-book"), z.strictObject({ rate: z.number().gt(-1).lt(10) })], {
        error: 'expected "green-book" or {"rate": a number such as 0.05}',
      })
      .describe('"green-book" (STPR 3.5% falling in the long term) or a fixed rate'),
    baseline: id.optional().describe("Option id savings are measured against (the status quo)"),
    options: z
      .array(
        z.strictObject({
          id,
          name: z.string().optional(),
          description: z.string().optional(),
          optimismBias: z
            .strictObject({
              category: z.enum(OPTIMISM_BIAS_CATEGORIES as [OptimismBiasCategory, ...OptimismBiasCategory[]]),
              mitigation: z.number().min(0).max(1).default(0),
            })
            .optional(),
          cashflows: z.array(
            z.strictObject({
              year: z.number().int().min(0).max(1000).describe("Whole years from now; 0 is undiscounted"),
              category: z.enum(CASHFLOW_CATEGORIES),
              amount: money.describe("Pounds; costs negative, benefits and savings positive"),
              input: id.optional().describe("Uncertain input that scales this amount"),
              label: z.string().optional(),
            }),
          ),
        }),
      )
      .min(1),
    inputs: z
      .array(
        z.strictObject({
          id,
          label: z.string().optional(),
          distribution,
          base: z
            .number()
            .optional()
            .describe("Value the linked amounts were stated at; default the mode or mean"),
        }),
      )
      .optional(),
    correlations: z.array(z.strictObject({ a: id, b: id, rho: z.number().min(-1).max(1) })).optional(),
    savingsTarget: z
      .strictObject({
        amount: money.describe("Pounds over the horizon"),
        basis: z.enum(["cash", "pv"]).default("cash"),
      })
      .optional(),
    monteCarlo: z
      .strictObject({
        iterations: z.number().int().min(1).max(10_000_000).optional(),
        seed: z.number().int().optional(),
      })
      .optional(),
    sensitivity: z.strictObject({ range: z.number().gt(0).lt(1) }).optional(),
  })
  .superRefine((c, ctx) => {
    const optionIds = new Set<string>();
    c.options.forEach((o, i) => {
      if (optionIds.has(o.id))
        ctx.addIssue({
          code: "custom",
          path: ["options", i, "id"],
          message: `duplicate option id "${o.id}"`,
        });
      optionIds.add(o.id);
    });
    if (c.baseline !== undefined && !optionIds.has(c.baseline)) {
      ctx.addIssue({ code: "custom", path: ["baseline"], message: `no option has id "${c.baseline}"` });
    }
    if (c.savingsTarget && c.baseline === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["savingsTarget"],
        message: "a savings target needs a baseline option",
      });
    }
    const inputIds = new Set<string>();
    (c.inputs ?? []).forEach((u, i) => {
      if (inputIds.has(u.id))
        ctx.addIssue({ code: "custom", path: ["inputs", i, "id"], message: `duplicate input id "${u.id}"` });
      inputIds.add(u.id);
      const problem = distributionProblem(u.distribution as Distribution);
      if (problem) ctx.addIssue({ code: "custom", path: ["inputs", i, "distribution"], message: problem });
    });
    c.options.forEach((o, i) => {
      o.cashflows.forEach((cf, j) => {
        if (cf.input !== undefined && !inputIds.has(cf.input)) {
          ctx.addIssue({
            code: "custom",
            path: ["options", i, "cashflows", j, "input"],
            message: `no input has id "${cf.input}"`,
          });
        }
      });
    });
    (c.correlations ?? []).forEach((r, i) => {
      for (const k of ["a", "b"] as const) {
        if (!inputIds.has(r[k]))
          ctx.addIssue({
            code: "custom",
            path: ["correlations", i, k],
            message: `no input has id "${r[k]}"`,
          });
      }
    });
  });

export type AppraisalCase = z.output<typeof caseSchema>;
