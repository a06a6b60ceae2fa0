/** Pipeline and stages: where each service in scope stands in the commercial lifecycle. */
import type { ReportInput } from "../input.ts";
import { count, links, money } from "../format.ts";
import type { Block, Section } from "../model.ts";

export function pipelineSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  const { services, stages } = input;
  if (services.length === 0) {
    blocks.push({ kind: "notRecorded", what: "No service in this report's scope is in the catalogue." });
    return { id: "pipeline", title: "Pipeline and stages", blocks };
  }
  const label = new Map(stages.map((s) => [s.id, s.label]));
  const perStage = stages.map((s) => services.filter((x) => x.stage === s.id));
  const costed = services.filter((s) => s.annualCostPence !== null);
  const totalCost = costed.reduce((a, s) => a + (s.annualCostPence ?? 0), 0);
  blocks.push({
    kind: "figures",
    items: [
      { label: "Services in scope", value: count(services.length), source: links.pipeline() },
      {
        label: "Annual cost of the services costed",
        value:
          costed.length === 0 ? money(null) : `${money(totalCost)} (${costed.length} of ${services.length})`,
        source: links.pipeline(),
      },
    ],
  });
  if (services.length > 1) {
    blocks.push({
      kind: "chart",
      caption: "Services at each lifecycle stage",
      chart: {
        kind: "bar",
        horizontal: true,
        unit: "count",
        categories: stages.map((s) => s.label),
        series: [{ name: "services", values: perStage.map((l) => l.length) }],
      },
      source: links.pipeline(),
    });
  }
  blocks.push({
    kind: "table",
    caption: "Services by stage",
    columns: ["Service", "Stage", "Annual cost", "Staff"],
    rows: perStage.flatMap((list) =>
      list.map((s) => [
        { text: s.name, href: links.service(s.id).href },
        { text: label.get(s.stage) ?? s.stage },
        { text: money(s.annualCostPence), numeric: true },
        { text: count(s.staff), numeric: true },
      ]),
    ),
    source: links.pipeline(),
  });
  return { id: "pipeline", title: "Pipeline and stages", blocks };
}
