/**
 * Open questions the data raises: each a sentence a committee member could ask, with the figure
 * behind it and the record it came from. Each rule below reads one kind of record; a question is
 * asked only when the stored figure crosses the rule's line, never on a figure that is missing.
 */
import { RATING_WORDS } from "../manage/rating.ts";
import type { ReportInput } from "./input.ts";
import { appraisalSource, preferredFigures } from "./sections/appraisal.ts";
import { gateSource } from "./sections/decisions.ts";
import { decimalMoney, links, money, share } from "./format.ts";
import type { Block, Section } from "./model.ts";

type Question = Extract<Block, { kind: "question" }>;

/** Below this chance of meeting its savings target, an approved case is a question. */
const TARGET_CHANCE_LINE = 0.5;
/** Above this share paid after the deciding administration, the horizon is a question. */
const HORIZON_LINE = 0.5;

export function openQuestions(input: ReportInput): Question[] {
  const q: Question[] = [];
  for (const a of input.appraisals) {
    if (!a.result?.savingsTarget) continue;
    const p = preferredFigures(a.result).monteCarlo?.probabilityMeetsTarget;
    if (p === null || p === undefined || p >= TARGET_CHANCE_LINE) continue;
    q.push({
      kind: "question",
      text: `The appraisal "${a.title}" gives its preferred option a ${share(p)} chance of meeting the savings target of ${decimalMoney(a.result.savingsTarget.amount)}: on what basis was it approved, and what happens if the target is missed?`,
      figure: `probability of meeting the savings target: ${share(p)}`,
      source: appraisalSource(a),
    });
  }
  for (const d of input.decisions) {
    if (d.flags.includes("not the logical order")) {
      q.push({
        kind: "question",
        text: `"${d.title}" (${d.decidedOn}) was taken at the ${d.gate} gate before an earlier gate was approved: why, and who accepted the risk?`,
        figure: d.outOfOrderReason ? `reason recorded: ${d.outOfOrderReason}` : "no reason recorded",
        source: links.decisions(d, d.title),
      });
    }
  }
  for (const g of input.gates) {
    for (const e of g.history.events) {
      // An approval that chose another option than its own assessment recommended (G-AGAINST-ASSESSMENT).
      if (e.flags.includes("against its own assessment")) {
        q.push({
          kind: "question",
          text: `The ${e.gate} approval on ${e.date} for ${g.subject.id} chose "${e.optionChosen}" although its own assessment recommends "${e.assessmentRecommends}": what outweighed the assessment, and is it on the record?`,
          figure: e.reason ? `reason recorded: ${e.reason}` : "no reason recorded",
          source: gateSource(g),
        });
      }
      if (!e.flags.includes("not the logical order")) continue;
      q.push({
        kind: "question",
        text: `The ${e.gate} step "${e.action}" on ${e.date} for ${g.subject.id} came before an earlier gate was approved: what was known when it was taken?`,
        figure: e.reason ? `reason recorded: ${e.reason}` : "no reason recorded",
        source: gateSource(g),
      });
    }
  }
  const budget =
    input.decisions.filter((d) => d.flags.includes("budget-driven")).length +
    input.gates.reduce((a, g) => a + g.history.budgetDriven, 0);
  if (budget > 0) {
    q.push({
      kind: "question",
      text: `${budget} approvals name the savings target as their only driver: what evidence on service quality, capability or risk was weighed alongside it?`,
      figure: `budget-driven approvals: ${budget}`,
      source: input.gates[0] ? gateSource(input.gates[0]) : links.pipeline(),
    });
  }
  for (const h of input.horizons) {
    const r = h.result;
    if (!r || r.shareAfterDecidingTerm <= HORIZON_LINE) continue;
    q.push({
      kind: "question",
      text: `${share(r.shareAfterDecidingTerm)} of the money "${r.contract}" commits is paid after the administration that decided it, binding ${r.administrationsBound} later: how can those administrations review or leave it?`,
      figure: `share paid after the deciding term: ${share(r.shareAfterDecidingTerm)} of ${decimalMoney(r.total)}`,
      source: h.contractId ? links.deal(h.contractId, `Payment profile ${h.id}`) : links.pipeline(),
    });
  }
  for (const w of input.workforce) {
    const r = w.result;
    if (!r) continue;
    const source = w.contractId
      ? links.deal(w.contractId, `Workforce impact ${w.id}`)
      : links.decisions(w, w.title);
    if (r.zeroHours.status !== "no") {
      q.push({
        kind: "question",
        text:
          r.zeroHours.status === "yes"
            ? `The supplier declares zero-hour contracts in "${w.title}": how many of the transferred staff are on them?`
            : `Has the supplier declared whether it uses zero-hour contracts for the ${r.transferred} posts transferred in "${w.title}"?`,
        figure: `zero-hour contracts: ${r.zeroHours.status}`,
        source,
      });
    }
    if (r.redundant > 0 || r.relocatedTotal > 0) {
      q.push({
        kind: "question",
        text: `"${w.title}" ${[r.redundant > 0 ? `makes ${r.redundant} posts redundant` : "", r.relocatedTotal > 0 ? `relocates ${r.relocatedTotal} posts` : ""].filter(Boolean).join(" and ")}: were the costs of that in the appraisal?`,
        figure: `redundant ${r.redundant}, relocated ${r.relocatedTotal} of ${r.postsInScope} posts`,
        source,
      });
    }
  }
  for (const p of input.performance) {
    const c = input.contracts.find((x) => x.id === p.contractId);
    for (const k of p.kpis) {
      const latest = p.ratings
        .filter((r) => r.kpiId === k.id)
        .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1))[0];
      if (!latest || (latest.rating !== "inadequate" && latest.rating !== "requiresImprovement")) continue;
      q.push({
        kind: "question",
        text: `"${k.title}" was rated ${RATING_WORDS[latest.rating].text} for the period ending ${latest.periodEnd}: what is the supplier doing about it, and were service credits applied?`,
        figure: `latest rating: ${RATING_WORDS[latest.rating].label} (target ${k.target})`,
        source: links.contract(p.contractId, c?.title),
      });
    }
  }
  for (const c of input.contracts) {
    const s = input.savings.find((x) => x.contractId === c.id);
    const claimed = s?.claimedPence ?? c.savingsClaimedPence;
    const realised = s?.realisedPence ?? null;
    const toDate = s?.claimedToDatePence ?? null;
    if (claimed !== null && claimed > 0 && realised === null) {
      q.push({
        kind: "question",
        text: `${money(claimed)} of savings are claimed for "${c.title}" but no realised savings are recorded: what has been realised, and how is it measured?`,
        figure: `savings claimed ${money(claimed)}, realised not recorded`,
        source: links.contract(c.id, c.title),
      });
    } else if (toDate !== null && toDate > 0 && realised !== null && realised < toDate) {
      q.push({
        kind: "question",
        text: `"${c.title}" has realised ${money(realised)} of the ${money(toDate)} savings claimed to date (${money(claimed)} over its life): what explains the gap of ${money(toDate - realised)}?`,
        figure: `realised ${share(realised / toDate)} of the savings claimed to date`,
        source: links.contract(c.id, c.title),
      });
    }
  }
  for (const b of input.billing) {
    const unresolved = b.openPence + b.disputedPence;
    if (!b.run || unresolved <= 0) continue;
    const c = input.contracts.find((x) => x.id === b.contractId);
    q.push({
      kind: "question",
      text: `${money(unresolved)} of invoiced charges on "${c?.title ?? b.contractId}" are open or disputed exceptions, against ${money(b.recoveredPence)} recovered so far: when will they be settled?`,
      figure: `open ${money(b.openPence)}, disputed ${money(b.disputedPence)}, recovered ${money(b.recoveredPence)}`,
      source: links.billing(b.contractId),
    });
  }
  for (const f of input.flags ?? []) {
    if (f.flags.length === 0) continue;
    const c = input.contracts.find((x) => x.id === f.contractId);
    q.push({
      kind: "question",
      text: `The procurement of "${c?.title ?? f.contractId}" raises ${f.flags.length} red flag${f.flags.length === 1 ? "" : "s"} (${f.flags.map((x) => x.name).join("; ")}): has the buyer looked into them?`,
      figure: `red flags: ${f.flags.map((x) => x.code).join(", ")}`,
      source: links.contract(f.contractId, c?.title),
    });
  }
  return q;
}

export function questionsSection(input: ReportInput): Section {
  const qs = openQuestions(input);
  return {
    id: "questions",
    title: "Open questions",
    blocks:
      qs.length > 0
        ? [
            {
              kind: "paragraph",
              text: "Questions the recorded figures raise, each with the figure behind it.",
            },
            ...qs,
          ]
        : [{ kind: "notRecorded", what: "The recorded figures raise no question by the report's rules." }],
  };
}
