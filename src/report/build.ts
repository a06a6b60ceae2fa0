/**
 * The scrutiny report of a body, a service or a contract: from the data the use case gathered
 * (src/report/input.ts) to the document (src/report/model.ts), one section per subject in the
 * order a committee reads them, the open questions last. Pure: the same input gives the same report.
 */
import type { ReportInput } from "./input.ts";
import { count, links, money } from "./format.ts";
import type { ReportDocument, ReportScope, Section } from "./model.ts";
import { openQuestions, questionsSection } from "./questions.ts";
import { appraisalSection } from "./sections/appraisal.ts";
import { billingSection } from "./sections/billing.ts";
import { decisionsSection } from "./sections/decisions.ts";
import { flagsSection } from "./sections/flags.ts";
import { horizonSection } from "./sections/horizon.ts";
import { performanceSection } from "./sections/performance.ts";
import { pipelineSection } from "./sections/pipeline.ts";
import { savingsSection } from "./sections/savings.ts";
import { workforceSection } from "./sections/workforce.ts";

/** The sections, in the order the report prints them. */
export const SECTION_BUILDERS: ((input: ReportInput) => Section)[] = [
  pipelineSection,
  appraisalSection,
  decisionsSection,
  horizonSection,
  workforceSection,
  performanceSection,
  savingsSection,
  billingSection,
  flagsSection,
  questionsSection,
];

function scopeOf(input: ReportInput): ReportScope {
  const { kind, id } = input.scope;
  if (kind === "service" && id) {
    const s = input.services.find((x) => x.id === id);
    return { kind, id, name: s?.name ?? id, source: links.service(id, s?.name) };
  }
  if (kind === "contract" && id) {
    const c = input.contracts.find((x) => x.id === id);
    return { kind, id, name: c?.title ?? id, source: links.contract(id, c?.title) };
  }
  return { kind: "body", name: input.body, source: links.pipeline() };
}

function demoNotice(input: ReportInput): string | null {
  const demo = [
    ...input.services.filter((s) => s.demoFields.length > 0).map((s) => s.id),
    ...input.contracts.filter((c) => c.demoFields.length > 0).map((c) => c.id),
    ...[...input.appraisals, ...input.horizons, ...input.workforce]
      .filter((d) => d.demoFields.length > 0)
      .map((d) => d.id),
  ];
  if (demo.length === 0) return null;
  return `Some figures in this report are demo values, not public records: they are in ${demo.join(", ")} (each record's page marks which fields).`;
}

function summary(input: ReportInput, scope: ReportScope): ReportDocument["summary"] {
  const valued = input.contracts.filter((c) => c.valuePence !== null);
  const value = valued.reduce((a, c) => a + (c.valuePence ?? 0), 0);
  const atRisk = input.billing.reduce((a, b) => a + b.atRiskPence, 0);
  const contracts = { label: "Contracts", href: "/contracts" };
  return [
    { label: "Services", value: count(input.services.length), source: links.pipeline() },
    {
      label: "Contracts",
      value: count(input.contracts.length),
      source: scope.kind === "contract" ? scope.source : contracts,
    },
    {
      label: "Value of the contracts",
      value: valued.length === 0 ? money(null) : money(value),
      source: scope.kind === "contract" ? scope.source : contracts,
    },
    {
      label: "Billing exceptions at risk",
      value: input.billing.some((b) => b.run) ? money(atRisk) : money(null),
      source:
        input.billing.length === 1
          ? links.billing(input.billing[0]!.contractId)
          : { label: "Billing", href: "/billing" },
    },
    {
      label: "Open questions",
      value: count(openQuestions(input).length),
      source: { label: "Open questions", href: "#questions" },
    },
  ];
}

export function buildScrutinyReport(input: ReportInput): ReportDocument {
  const scope = scopeOf(input);
  return {
    summary: summary(input, scope),
    title:
      scope.kind === "body"
        ? `Scrutiny report: ${scope.name}`
        : `Scrutiny report: ${scope.kind} ${scope.name}`,
    scope,
    dataReadOn: input.dataReadOn,
    demoNotice: demoNotice(input),
    sections: SECTION_BUILDERS.map((b) => b(input)),
  };
}
