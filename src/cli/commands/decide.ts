/**
 * `nous decide <kind>`, `nous appraise` and `nous horizon`: a thin adapter over the engine in
 * src/decide/. This file only declares the commands; what each does (read the file, hand plain
 * data to the engine, print JSON or a table) is in decide-run.ts, loaded when one of them runs.
 */
import type { Command } from "commander";
import { InputError } from "../../shared/errors.ts";

const run = () => import("./decide-run.ts");

function parseIntOption(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InputError(`${name} must be a whole number >= ${min}, got "${value}"`);
    return n;
  };
}

/** The decision records `nous decide <kind>` checks, in the order `--help` lists them. */
const CHECK_DESCRIPTIONS = {
  pipeline: "service catalogue and market-testing waves: totals per wave and catalogue checks",
  dma: "delivery model assessment: weighted scores, recommendation, return-in-house check",
  workforce: "workforce impact: posts transferred, retained, redundant, relocated; zero-hours declaration",
  gates: "lifecycle gate history: order, evidence, approvers, drivers, budget-driven flags",
  capability: "commercial capability self-assessment over the NAO's eight contract-management areas",
};
export type CheckName = keyof typeof CHECK_DESCRIPTIONS;

export function registerDecide(program: Command): void {
  const decide = program
    .command("decide")
    .description("Check a decision record: pipeline, dma, workforce, gates or capability (exit 1 on errors)");
  for (const [kind, description] of Object.entries(CHECK_DESCRIPTIONS)) {
    decide
      .command(kind)
      .description(description)
      .argument("<file>", `JSON file (see schema/decide/${kind}.schema.json)`)
      .option("--json", "print the result as JSON")
      .action(async (file: string, opts: { json?: boolean }) =>
        (await run()).check(kind as CheckName, file, opts),
      );
  }

  program
    .command("horizon")
    .description("Accountability horizon of a contract: what it commits each future administration")
    .argument("<contract>", "contract file (JSON, see schema/decide/contract.schema.json)")
    .option("--json", "print the result as JSON")
    .action(async (file: string, opts: { json?: boolean }) => (await run()).horizon(file, opts));

  program
    .command("appraise")
    .description("Green Book appraisal of a case: NPV, BCR, optimism bias, switching values, Monte Carlo")
    .argument("<case>", "case file (JSON, see schema/decide/case.schema.json)")
    .option("--json", "print the result as JSON")
    .option("--iterations <n>", "Monte Carlo iterations (default 10000)", parseIntOption("--iterations", 1))
    .option("--seed <s>", "Monte Carlo seed (default 1)", parseIntOption("--seed", 0))
    .action(async (file: string, opts: { json?: boolean; iterations?: number; seed?: number }) =>
      (await run()).appraise(file, opts),
    );
}
