/**
 * Red flags in the API: the Cardinal-compatible indicators with their explanation, the buyers
 * of the stored OCDS releases, a run of the indicators on one buyer's processes (or all), and
 * the compiled releases a run used. Published OCDS data is public, so every role may call them.
 * A flag is a lead, never a verdict. Amounts inside a flag's values are OCDS amounts (decimal
 * currency units, as published), not pence.
 */
import { z } from "zod";
import { defineOperation } from "./operation.ts";
import { ANYONE } from "./roles.ts";

/** The most releases one call compiles (413 beyond; larger stores use `nous flags indicators`). */
export const MAX_RELEASES = 50_000;

/** What is flagged: a process, a buyer, a procuring entity or a tenderer. */
export const FlagGroup = z.enum(["OCID", "Buyer", "ProcuringEntity", "Tenderer"]);
export type FlagGroup = z.infer<typeof FlagGroup>;

export const Comparison = z.enum(["<", "<=", ">=", "=", ">"]);

export const IndicatorMeta = z.object({
  code: z.string(),
  name: z.string().describe('Short title, e.g. "Single bid received"'),
  definition: z.string(),
  methodology: z.string(),
  risk: z.string().describe("Why the pattern is a corruption or collusion risk"),
  output: z.string().describe("What the value of a flag means, per group"),
  settings: z.array(z.string()).describe("Settings properties read, as section.key"),
  groups: z.array(FlagGroup),
});
export type IndicatorMeta = z.infer<typeof IndicatorMeta>;

export const ExplainedFlag = z.object({
  code: z.string(),
  name: z.string(),
  value: z.number(),
  measured: z.number().optional(),
  threshold: z.number().optional(),
  comparison: Comparison.optional(),
  thresholdSource: z.enum(["settings", "default", "quartiles"]).optional(),
  quartiles: z
    .record(z.string(), z.number())
    .optional()
    .describe("Quartiles and fences of the indicator (rounded to 4 decimals) when its threshold is computed"),
  values: z.record(z.string(), z.unknown()).optional(),
});
export type ExplainedFlag = z.infer<typeof ExplainedFlag>;

export const FlaggedEntry = z.object({
  id: z.string(),
  name: z.string().nullable().describe("Organization name, or the tender title of a process"),
  flags: z.array(ExplainedFlag),
});
export type FlaggedEntry = z.infer<typeof FlaggedEntry>;

const byGroup = <T extends z.ZodType>(item: T) =>
  z.object({ OCID: item, Buyer: item, ProcuringEntity: item, Tenderer: item });

export const FlagsRun = z.object({
  notice: z.string(),
  buyer: z.string().nullable(),
  settings: z.enum(["default", "supplied"]),
  period: z.string(),
  processes: z.number().int(),
  releases: z.number().int(),
  maxReleases: z.number().int(),
  currency: z.string().nullable(),
  counts: byGroup(z.number().int()),
  groups: byGroup(z.array(FlaggedEntry)),
  indicators: z.array(IndicatorMeta),
  meta: z.record(z.string(), z.record(z.string(), z.number())),
  cardinal: z
    .record(z.string(), z.unknown())
    .describe("The same result in Cardinal's output shape (OCID, Buyer, ProcuringEntity, Tenderer, Meta)"),
});
export type FlagsRun = z.infer<typeof FlagsRun>;

export const BuyerCount = z.object({
  buyer: z.string(),
  processes: z.number().int(),
  releases: z.number().int(),
});
export type BuyerCount = z.infer<typeof BuyerCount>;

const BuyerQuery = z.string().min(1).max(500);

export const downloadCompiledReleases = defineOperation({
  operationId: "downloadCompiledReleases",
  method: "GET",
  path: "/flags/compiled.jsonl",
  summary: "The compiled releases the indicators run on, one per line (JSON Lines)",
  description:
    "The input of `nous flags indicators` and of Cardinal's `ocdscardinal indicators`, so anyone can run the indicators on the same data and compare.",
  tags: ["flags"],
  roles: ANYONE,
  query: z.object({ buyer: BuyerQuery.optional() }).strict(),
  produces: "application/x-ndjson",
  errors: ["too_large"],
  response: z.string(),
});

export const listIndicators = defineOperation({
  operationId: "listIndicators",
  method: "GET",
  path: "/flags/indicators",
  summary: "The red-flag indicators: definition, methodology, why each is a risk, settings read",
  tags: ["flags"],
  roles: ANYONE,
  response: z.object({ notice: z.string(), indicators: z.array(IndicatorMeta) }),
});

export const getIndicator = defineOperation({
  operationId: "getIndicator",
  method: "GET",
  path: "/flags/indicators/:code",
  summary: "One red-flag indicator's explanation",
  tags: ["flags"],
  roles: ANYONE,
  params: z.object({ code: z.string().max(10) }),
  response: z.object({ notice: z.string(), indicator: IndicatorMeta }),
});

export const listFlagBuyers = defineOperation({
  operationId: "listFlagBuyers",
  method: "GET",
  path: "/flags/buyers",
  summary: "Buyers named in the stored OCDS releases, with their number of processes",
  tags: ["flags"],
  roles: ANYONE,
  response: z.object({ buyers: z.array(BuyerCount) }),
});

export const runFlags = defineOperation({
  operationId: "runFlags",
  method: "GET",
  path: "/flags",
  summary:
    "Run the red-flag indicators on the stored releases of one buyer (or all), computed once per import of them",
  description:
    "Compiles each contracting process from its stored releases and runs the indicators: every " +
    "indicator with its defaults, or the [Rxxx] sections of a Cardinal-format settings file passed " +
    `as \`settings\` (up to 8000 characters). At most ${MAX_RELEASES} releases per call (413 beyond; use \`nous flags indicators\`). ` +
    "R055's period is all dates unless `today` or the settings' start_date/end_date say otherwise.",
  tags: ["flags"],
  roles: ANYONE,
  query: z
    .object({
      buyer: BuyerQuery.optional(),
      settings: z.string().max(8000).optional(),
      today: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
    })
    .strict(),
  errors: ["bad_settings", "too_large"],
  response: FlagsRun,
});
