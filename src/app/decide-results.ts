/**
 * The engine's results over Decide's documents, from the document as stored or as read from a
 * file: appraisal, delivery model assessment, workforce, capability, accountability horizon, and
 * a gate history with each event's findings and flags. Pure (no store, no files): the API's use
 * cases (src/app/decide.ts) and the CLI (src/cli/commands/decide-run.ts) both call these, so a
 * document gives the same result from either.
 */
import type {
  CapabilityResult,
  DmaResult,
  GateEventRecord,
  GateHistory,
  WorkforceResult,
} from "../contract/decide.ts";
import { assessCapability } from "../decide/capability/assess.ts";
import { parseCapability } from "../decide/capability/capability-schema.ts";
import { parseCase } from "../decide/case/parse-case.ts";
import { type CaseReport, type RunCaseOptions, runCase } from "../decide/case/run-case.ts";
import { parseDma } from "../decide/dma/dma-schema.ts";
import { assessDeliveryModels } from "../decide/dma/recommend.ts";
import { evaluateGates } from "../decide/gates/evaluate.ts";
import type { GateEvent } from "../decide/gates/types.ts";
import { parseContract } from "../decide/horizon/contract-schema.ts";
import type { ElectionCalendar } from "../decide/horizon/elections.ts";
import { type HorizonReport, accountabilityHorizon } from "../decide/horizon/horizon.ts";
import { workforceSummary } from "../decide/workforce/summary.ts";
import { parseWorkforce } from "../decide/workforce/workforce-schema.ts";

/** The engine's appraisal of a case, on this thread (the API computes it on the worker: appraisal-result.ts). */
export function appraisalReport(document: unknown, opts: RunCaseOptions = {}, file?: string): CaseReport {
  return runCase(parseCase(document, file), opts);
}

/** The engine's delivery model assessment, with the options, criteria and scores it weighed. */
export function dmaResult(document: unknown, file?: string): DmaResult {
  const dma = parseDma(document, file);
  return { ...assessDeliveryModels(dma), options: dma.options, criteria: dma.criteria, scores: dma.scores };
}

export function workforceResult(document: unknown, file?: string): WorkforceResult {
  return workforceSummary(parseWorkforce(document, file));
}

export function capabilityResult(document: unknown, file?: string): CapabilityResult {
  const c = parseCapability(document, file);
  return { body: c.body, ...assessCapability(c.areas) };
}

/**
 * The accountability horizon of a payment profile. A profile on the London mayoral calendar uses
 * `stored` (the election dates in the `elections` table) when given, the engine's preset otherwise.
 */
export function horizonReport(
  document: unknown,
  stored: ElectionCalendar | null,
  file?: string,
): { report: HorizonReport; electionsFrom: string } {
  const input = parseContract(document, file);
  const usesPreset = typeof input.file.elections === "string";
  const calendar = usesPreset ? stored : null;
  return {
    report: accountabilityHorizon({ ...input, ...(calendar ? { elections: calendar } : {}) }),
    electionsFrom: calendar ? "elections table (london-mayor)" : "contract file",
  };
}

/** The engine's evaluation of stored gate events, with each event's findings and flags. */
export function gateHistory(events: GateEventRecord[]): GateHistory {
  const evaluation = evaluateGates(
    events.map((e) => ({
      gate: e.gate,
      action: e.action,
      date: e.date,
      by: e.by,
      role: e.role as GateEvent["role"],
      evidence: e.evidence,
      ...(e.reason ? { reason: e.reason } : {}),
      drivers: e.drivers as GateEvent["drivers"],
      ...(e.assessmentRecommends ? { assessmentRecommends: e.assessmentRecommends } : {}),
      ...(e.optionChosen ? { optionChosen: e.optionChosen } : {}),
    })),
  );
  // Findings name events by their index in the list given; attach them to the events.
  const perEvent = events.map((e, i) => {
    const mine = evaluation.findings.filter(
      (f) => f.path === `$.events[${i}]` || f.path.startsWith(`$.events[${i}].`),
    );
    const flags: string[] = [];
    if (mine.some((f) => f.code === "G-ORDER" || f.code === "G-ORDER-UNEXPLAINED"))
      flags.push("not the logical order");
    if (mine.some((f) => f.code === "G-BUDGET-DRIVEN")) flags.push("budget-driven");
    if (mine.some((f) => f.code === "G-AGAINST-ASSESSMENT")) flags.push("against its own assessment");
    return { ...e, flags, findings: mine };
  });
  return { ...evaluation, events: perEvent };
}
