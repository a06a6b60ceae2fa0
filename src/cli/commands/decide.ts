/**
 * `nous appraise` and `nous horizon`: a thin adapter over the engine in src/decide/. It reads
 * the file, hands plain data to the engine, shows progress for long simulations and prints
 * either JSON (--json) or a table for people.
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { InputError } from "../../shared/errors.ts";
import { parseCase } from "../../decide/case/parse-case.ts";
import { type CaseReport, DEFAULT_ITERATIONS, runCase } from "../../decide/case/run-case.ts";
import { parseContract } from "../../decide/horizon/contract-schema.ts";
import { type HorizonReport, accountabilityHorizon } from "../../decide/horizon/horizon.ts";
import { penceToDecimal } from "../../shared/money.ts";
import { createProgress } from "../progress.ts";

/** Reads and parses a JSON file; a syntax error names the line and column. */
export function readJsonFile(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const m = /position (\d+)/.exec(msg);
    if (m) {
      const before = text.slice(0, Number(m[1]));
      const line = before.split("\n").length;
      const column = Number(m[1]) - before.lastIndexOf("\n");
      throw new InputError(`not valid JSON: ${msg.replace(/ in JSON at position \d+.*$/, "")}`, {
        location: { file, line, column },
      });
    }
    throw new InputError(`not valid JSON: ${msg}`, { location: { file } });
  }
}

function parseIntOption(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InputError(`${name} must be a whole number >= ${min}, got "${value}"`);
    return n;
  };
}

/** Pads columns; numbers (right-aligned) are any cell that starts with a digit, sign or £. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const numeric = (s: string) => /^[-+£\d]/.test(s);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric(c) && i > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

const gbp = (decimal: string | null): string => {
  if (decimal === null) return "-";
  const n = Number(decimal);
  return n.toLocaleString("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
};
const pct = (p: number | null) => (p === null ? "-" : `${(p * 100).toFixed(1)}%`);
const fmtFactor = (f: number | null) => (f === null ? "-" : `${((f - 1) * 100).toFixed(1)}%`);

export function renderCaseReport(r: CaseReport): string {
  const out: string[] = [];
  const disc =
    r.discounting === "green-book" ? "Green Book STPR" : `${(r.discounting.rate * 100).toFixed(2)}% fixed`;
  out.push(`${r.name}`);
  out.push(`Appraisal over ${r.lastYear + 1} years (years 0-${r.lastYear}), ${disc}`);
  out.push("");
  out.push(
    table(
      ["option", "PV costs", "PV benefits", "NPV", "BCR", "optimism bias", "PV savings", "cash savings"],
      r.options.map((o) => [
        o.id + (o.id === r.preferred ? " *" : "") + (o.id === r.baseline ? " (baseline)" : ""),
        gbp(o.pvCosts),
        gbp(o.pvBenefits),
        gbp(o.npv),
        o.bcr === null ? "-" : o.bcr.toFixed(2),
        o.optimismBiasUplift === null
          ? "-"
          : `${(o.optimismBiasUplift * 100).toFixed(1)}% (${gbp(o.pvOptimismBias)})`,
        gbp(o.pvSavings),
        gbp(o.cashSavings),
      ]),
    ),
  );
  out.push("* preferred: highest NPV");
  const sv = r.switchingValues.filter((s) => s.preferredChangesDown || s.preferredChangesUp);
  if (sv.length > 0) {
    out.push("");
    out.push("Switching values (change in the driver at which the preferred option changes):");
    out.push(
      table(
        ["driver", "down", "becomes", "up", "becomes"],
        sv.map((s) => [
          s.label,
          fmtFactor(s.preferredChangesDown?.factor ?? null),
          s.preferredChangesDown?.to ?? "-",
          fmtFactor(s.preferredChangesUp?.factor ?? null),
          s.preferredChangesUp?.to ?? "-",
        ]),
      ),
    );
  }
  if (r.sensitivity.rows.length > 0) {
    out.push("");
    out.push(`Sensitivity of ${r.sensitivity.option}'s NPV (tornado, widest first):`);
    out.push(
      table(
        ["driver", "low", "NPV at low", "high", "NPV at high", "swing"],
        r.sensitivity.rows.map((x) => [
          x.label,
          fmtFactor(x.lowFactor),
          gbp(x.npvLow),
          fmtFactor(x.highFactor),
          gbp(x.npvHigh),
          gbp(x.swing),
        ]),
      ),
    );
  }
  if (r.monteCarlo) {
    const mc = r.monteCarlo;
    out.push("");
    out.push(
      `Monte Carlo: ${mc.iterations.toLocaleString("en-GB")} iterations, seed ${mc.seed}${mc.correlated ? ", correlated inputs" : ""}` +
        (r.savingsTarget ? `; savings target ${gbp(r.savingsTarget.amount)} (${r.savingsTarget.basis})` : ""),
    );
    out.push(
      table(
        [
          "option",
          "NPV P10",
          "NPV P50",
          "NPV P90",
          "P(NPV>0)",
          "savings P10",
          "savings P50",
          "savings P90",
          "P(target)",
        ],
        mc.options.map((o) => {
          const s = r.savingsTarget?.basis === "pv" ? o.pvSavings : o.cashSavings;
          return [
            o.id,
            gbp(o.npv.p10),
            gbp(o.npv.p50),
            gbp(o.npv.p90),
            pct(o.probabilityNpvPositive),
            gbp(s?.p10 ?? null),
            gbp(s?.p50 ?? null),
            gbp(s?.p90 ?? null),
            pct(o.probabilityMeetsTarget),
          ];
        }),
      ),
    );
  }
  return out.join("\n");
}

const gbpPence = (pence: number) => gbp(penceToDecimal(pence));

/** The horizon as JSON-ready data: money as decimal strings in pounds. */
export function horizonJson(r: HorizonReport): unknown {
  return {
    ...r,
    total: penceToDecimal(r.total),
    unallocated: penceToDecimal(r.unallocated),
    administrations: r.administrations.map((a) => ({ ...a, committed: penceToDecimal(a.committed) })),
    breakPoints: r.breakPoints.map((b) => ({
      ...b,
      terminationCost: penceToDecimal(b.terminationCost),
      paymentsAfter: penceToDecimal(b.paymentsAfter),
      paymentsBefore: penceToDecimal(b.paymentsBefore),
    })),
  };
}

export function renderHorizon(r: HorizonReport): string {
  const out: string[] = [];
  out.push(`${r.contract}: ${gbpPence(r.total)} paid from ${r.start} until ${r.end}`);
  out.push(
    `Decided by the ${r.body} administration ${r.decidingAdministration ?? "(none listed)"}; ` +
      `binds ${r.administrationsBound} later administration${r.administrationsBound === 1 ? "" : "s"}, ` +
      `which pay ${pct(r.shareAfterDecidingTerm)} of the contract.`,
  );
  out.push("");
  const withBudget = r.administrations.some((a) => a.shareOfBudget !== null);
  const withSpend = r.administrations.some((a) => a.shareOfContractSpend !== null);
  out.push(
    table(
      [
        "administration",
        "role",
        "committed",
        "share of contract",
        ...(withBudget ? ["share of budget"] : []),
        ...(withSpend ? ["share of contract spend"] : []),
      ],
      r.administrations
        .filter((a) => a.committed !== 0)
        .map((a) => [
          a.label,
          a.role,
          gbpPence(a.committed),
          pct(a.shareOfContract),
          ...(withBudget ? [a.shareOfBudget === null ? "-" : `${(a.shareOfBudget * 100).toFixed(2)}%`] : []),
          ...(withSpend
            ? [a.shareOfContractSpend === null ? "-" : `${(a.shareOfContractSpend * 100).toFixed(2)}%`]
            : []),
        ]),
    ),
  );
  if (r.unallocated !== 0) out.push(`(${gbpPence(r.unallocated)} falls before the first listed election)`);
  if (r.breakPoints.length > 0) {
    out.push("");
    out.push("Break points:");
    out.push(
      table(
        [
          "date",
          "label",
          "decided by",
          "termination cost",
          "payments released",
          "administrations still bound",
        ],
        r.breakPoints.map((b) => [
          b.date,
          b.label ?? "",
          b.administration ?? "-",
          gbpPence(b.terminationCost),
          gbpPence(b.paymentsAfter),
          String(b.administrationsBoundIfLeft),
        ]),
      ),
    );
  }
  return out.join("\n");
}

export function registerDecide(program: Command): void {
  program
    .command("horizon")
    .description("Accountability horizon of a contract: what it commits each future administration")
    .argument("<contract>", "contract file (JSON, see schema/decide/contract.schema.json)")
    .option("--json", "print the result as JSON")
    .action((file: string, opts: { json?: boolean }) => {
      const input = parseContract(readJsonFile(file), file);
      const r = accountabilityHorizon(input);
      process.stdout.write(
        opts.json ? `${JSON.stringify(horizonJson(r), null, 2)}\n` : `${renderHorizon(r)}\n`,
      );
    });

  program
    .command("appraise")
    .description("Green Book appraisal of a case: NPV, BCR, optimism bias, switching values, Monte Carlo")
    .argument("<case>", "case file (JSON, see schema/decide/case.schema.json)")
    .option("--json", "print the result as JSON")
    .option("--iterations <n>", "Monte Carlo iterations (default 10000)", parseIntOption("--iterations", 1))
    .option("--seed <s>", "Monte Carlo seed (default 1)", parseIntOption("--seed", 0))
    .action((file: string, opts: { json?: boolean; iterations?: number; seed?: number }) => {
      const c = parseCase(readJsonFile(file), file);
      const iterations = opts.iterations ?? c.monteCarlo?.iterations ?? DEFAULT_ITERATIONS;
      // Only simulations long enough to notice get a progress bar (on stderr).
      const long = (c.inputs ?? []).length > 0 && iterations >= 200_000;
      const progress = long ? createProgress("Monte Carlo", iterations) : null;
      try {
        const report = runCase(c, {
          ...(opts.iterations !== undefined ? { iterations: opts.iterations } : {}),
          ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
          ...(progress ? { onProgress: (done: number, total: number) => progress.update(done, total) } : {}),
        });
        process.stdout.write(
          opts.json ? `${JSON.stringify(report, null, 2)}\n` : `${renderCaseReport(report)}\n`,
        );
      } finally {
        progress?.stop();
      }
    });
}
