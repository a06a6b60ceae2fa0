/**
 * Each deal's appraisal: NPV of the preferred option, the optimism bias applied, and the
 * probability of meeting the savings target from the Monte Carlo (the engine's, src/decide/case).
 */
import type { AppraisalResult } from "../../contract/decide.ts";
import type { ReportInput } from "../input.ts";
import { decimalMoney, decimalToPence, links, share } from "../format.ts";
import { type Block, NOT_RECORDED, type Section, type Source } from "../model.ts";

export function appraisalSource(a: {
  id: string;
  contractId: string | null;
  serviceId: string | null;
}): Source {
  return a.contractId
    ? links.deal(a.contractId, `Appraisal ${a.id}`)
    : links.decisions(a, `Appraisal ${a.id}`);
}

/** The preferred option's figures, as the report prints them. */
export function preferredFigures(r: AppraisalResult) {
  const o = r.options.find((x) => x.id === r.preferred) ?? null;
  const mc = r.monteCarlo?.options.find((x) => x.id === r.preferred) ?? null;
  return { option: o, monteCarlo: mc };
}

export function appraisalSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  if (input.appraisals.length === 0) {
    blocks.push({ kind: "notRecorded", what: "No appraisal case is recorded for this scope." });
    return { id: "appraisal", title: "Appraisals", blocks };
  }
  for (const a of input.appraisals) {
    const source = appraisalSource(a);
    if (!a.result) {
      blocks.push({
        kind: "notRecorded",
        what: `${a.title}: the appraisal could not be computed (${a.error ?? "no result"}).`,
      });
      continue;
    }
    const r = a.result;
    const { option, monteCarlo } = preferredFigures(r);
    blocks.push({
      kind: "paragraph",
      text: `${a.title}: ${r.options.length} options appraised over ${r.lastYear + 1} years; the preferred option (highest NPV) is ${option?.name ?? r.preferred}.`,
      source,
    });
    blocks.push({
      kind: "figures",
      items: [
        { label: "NPV of the preferred option", value: decimalMoney(option?.npv), source },
        {
          label: "Optimism bias applied",
          value:
            option?.optimismBiasUplift === null || option === null
              ? NOT_RECORDED
              : `${share(option.optimismBiasUplift)} (${decimalMoney(option.pvOptimismBias)})`,
          source,
        },
        {
          label: r.savingsTarget
            ? `Probability of meeting the savings target of ${decimalMoney(r.savingsTarget.amount)} (${r.savingsTarget.basis})`
            : "Probability of meeting the savings target",
          value: r.savingsTarget ? share(monteCarlo?.probabilityMeetsTarget) : "no savings target recorded",
          source,
        },
        {
          label: "Probability the NPV is positive",
          value: share(monteCarlo?.probabilityNpvPositive),
          source,
        },
      ],
    });
    blocks.push({
      kind: "table",
      caption: `${a.title}: options`,
      columns: ["Option", "PV costs", "PV benefits", "NPV", "Optimism bias", "P(meets target)"],
      rows: r.options.map((o) => {
        const mc = r.monteCarlo?.options.find((x) => x.id === o.id);
        return [
          { text: `${o.name ?? o.id}${o.id === r.preferred ? " (preferred)" : ""}` },
          { text: decimalMoney(o.pvCosts), numeric: true },
          { text: decimalMoney(o.pvBenefits), numeric: true },
          { text: decimalMoney(o.npv), numeric: true },
          { text: o.optimismBiasUplift === null ? NOT_RECORDED : share(o.optimismBiasUplift), numeric: true },
          { text: r.savingsTarget ? share(mc?.probabilityMeetsTarget) : "no target", numeric: true },
        ];
      }),
      source,
    });
    blocks.push({
      kind: "chart",
      caption: `${a.title}: NPV by option`,
      chart: {
        kind: "bar",
        unit: "pence",
        categories: r.options.map((o) => o.name ?? o.id),
        series: [{ name: "NPV", values: r.options.map((o) => decimalToPence(o.npv) ?? 0) }],
      },
      source,
    });
  }
  return { id: "appraisal", title: "Appraisals", blocks };
}
