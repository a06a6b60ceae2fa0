/**
 * What `nous decide <kind>`, `nous horizon` and `nous appraise` do, loaded only when one of them
 * runs (the declarations in decide.ts stay cheap). Each reads the file, hands plain data to the
 * engine, shows progress for long simulations and prints either JSON (--json) or a table for people.
 */
import type { CheckName } from "./decide.ts";
import { parseCase } from "../../decide/case/parse-case.ts";
import { type CaseReport, DEFAULT_ITERATIONS, runCase } from "../../decide/case/run-case.ts";
import type { HorizonReport } from "../../decide/horizon/horizon.ts";
import { horizonJson } from "../../decide/horizon/horizon-json.ts";
import { penceToDecimal } from "../../shared/money.ts";
import { parseCatalogue } from "../../decide/catalogue/catalogue-schema.ts";
import { pipelineSummary } from "../../decide/catalogue/pipeline.ts";
import { parseDma } from "../../decide/dma/dma-schema.ts";
import { assessDeliveryModels } from "../../decide/dma/recommend.ts";
import { type Finding, hasErrors } from "../../decide/finding.ts";
import { evaluateGates } from "../../decide/gates/evaluate.ts";
import { parseGateHistory } from "../../decide/gates/history-schema.ts";
import { readJsonFile } from "../../io/decide-json.ts";
import { capabilityResult, horizonReport, workforceResult } from "../../app/decide-results.ts";
import { createProgress } from "../progress.ts";

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

/** "-19.8%", or "-19.8% (at 120,241)" for a named input whose own value is known. */
const switchAt = (c: { factor: number; inputValue?: number } | null): string =>
  c === null
    ? "-"
    : `${fmtFactor(c.factor)}${c.inputValue !== undefined ? ` (at ${c.inputValue.toLocaleString("en-GB", { maximumFractionDigits: 2 })})` : ""}`;

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
          switchAt(s.preferredChangesDown),
          s.preferredChangesDown?.to ?? "-",
          switchAt(s.preferredChangesUp),
          s.preferredChangesUp?.to ?? "-",
        ]),
      ),
    );
  }
  const rates = r.discountRate.preferredFrom;
  if (rates.length > 1) {
    out.push("");
    out.push(
      `Discount rate: at a constant rate, ${rates
        .map((p, i) =>
          i === 0 ? `${p.option} is preferred from 0%` : `${p.option} from ${(p.rate * 100).toFixed(2)}%`,
        )
        .join(", ")}.`,
    );
  } else if (rates.length === 1) {
    out.push("");
    out.push(`Discount rate: ${rates[0]!.option} is preferred at every constant rate from 0% to 30%.`);
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

export function renderFindings(findings: Finding[]): string {
  if (findings.length === 0) return "No findings.";
  return table(
    ["severity", "code", "where", "finding"],
    findings.map((f) => [f.severity, f.code, f.path, f.message]),
  );
}

/** How each `nous decide <kind>` reads its file and shows its result (described in decide.ts). */
interface CheckKind {
  run(data: unknown, file: string): { result: unknown; findings: Finding[]; text: string };
}

const CHECK_KINDS: Record<CheckName, CheckKind> = {
  pipeline: {
    run(data, file) {
      const p = pipelineSummary(parseCatalogue(data, file));
      const text = [
        table(
          ["wave", "start", "services", "annual cost", "staff"],
          p.waves.map((w) => [w.id, w.start, w.services.join(", "), gbpPence(w.annualCost), String(w.staff)]),
        ),
        `Market-tested: ${gbpPence(p.marketTestedAnnualCost)} of ${gbpPence(p.catalogueAnnualCost)} a year (${pct(p.shareMarketTested)})`,
      ].join("\n");
      return {
        result: {
          ...p,
          catalogueAnnualCost: penceToDecimal(p.catalogueAnnualCost),
          marketTestedAnnualCost: penceToDecimal(p.marketTestedAnnualCost),
          waves: p.waves.map((w) => ({ ...w, annualCost: penceToDecimal(w.annualCost) })),
        },
        findings: p.findings,
        text,
      };
    },
  },
  dma: {
    run(data, file) {
      const r = assessDeliveryModels(parseDma(data, file));
      const text = [
        table(
          ["option", "type", "weighted", "strategic", "operational"],
          r.ranking.map((o) => [
            o.id + (o.id === r.recommended ? " *" : ""),
            o.type,
            o.weighted.toFixed(2),
            o.strategic === null ? "-" : o.strategic.toFixed(2),
            o.operational === null ? "-" : o.operational.toFixed(2),
          ]),
        ),
        r.recommended ? `* recommended: ${r.recommended}` : "No recommendation.",
      ].join("\n");
      return { result: r, findings: r.findings, text };
    },
  },
  workforce: {
    run(data, file) {
      const w = workforceResult(data, file);
      const text = [
        `${w.service}: ${w.postsInScope} posts in scope; transferred ${w.transferred} (${pct(w.shareTransferred)}), ` +
          `retained ${w.retained} (${pct(w.shareRetained)}), redundant ${w.redundant} (${pct(w.shareRedundant)})`,
        `Relocated: ${w.relocatedTotal}${w.relocatedByLocation.length ? ` (${w.relocatedByLocation.map((r) => `${r.location} ${r.posts}`).join(", ")})` : ""}`,
        `Zero-hour contracts: ${w.zeroHours.status}${w.zeroHours.source ? ` (source: ${w.zeroHours.source})` : ""}`,
      ].join("\n");
      return { result: w, findings: w.findings, text };
    },
  },
  gates: {
    run(data, file) {
      const h = parseGateHistory(data, file);
      const r = evaluateGates(h.events);
      const text = [
        `${h.service}: current gate ${r.current ?? "(all approved)"}; ${r.outOfOrder} step(s) out of logical order; ${r.budgetDriven} budget-driven decision(s)`,
        table(
          ["gate", "status", "approved", "by"],
          r.gates.map((g) => [g.name, g.status, g.approvedOn ?? "", g.approvedBy ?? ""]),
        ),
      ].join("\n");
      return { result: { service: h.service, ...r }, findings: r.findings, text };
    },
  },
  capability: {
    run(data, file) {
      const r = capabilityResult(data, file);
      const text = [
        table(
          ["area", "score", "maturity", "evidenced"],
          r.areas.map((a) => [
            a.name,
            a.score === null ? "-" : String(a.score),
            a.maturity ?? "not assessed",
            a.evidenced ? "yes" : "no",
          ]),
        ),
        `${r.body}: mean ${r.mean === null ? "-" : r.mean.toFixed(2)} of 4; weakest: ${r.weakest.join(", ") || "-"}`,
      ].join("\n");
      return { result: r, findings: r.findings, text };
    },
  },
};

/** `nous decide <kind> <file>`: exit 1 when a finding is an error. */
export function check(kind: CheckName, file: string, opts: { json?: boolean }): void {
  const { result, findings, text } = CHECK_KINDS[kind].run(readJsonFile(file), file);
  process.stdout.write(
    opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${text}\n\n${renderFindings(findings)}\n`,
  );
  if (hasErrors(findings)) process.exitCode = 1;
}

export function horizon(file: string, opts: { json?: boolean }): void {
  const { report: r } = horizonReport(readJsonFile(file), null, file);
  process.stdout.write(opts.json ? `${JSON.stringify(horizonJson(r), null, 2)}\n` : `${renderHorizon(r)}\n`);
}

export function appraise(file: string, opts: { json?: boolean; iterations?: number; seed?: number }): void {
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
}
