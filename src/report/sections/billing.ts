/**
 * Billing exceptions at risk and recovered: the latest reconciliation run of each contract
 * (src/billing), by state and by rule.
 */
import type { ReportInput } from "../input.ts";
import { count, links, money } from "../format.ts";
import type { Block, Section } from "../model.ts";

export function billingSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  const withRuns = input.billing.filter((b) => b.run !== null);
  if (withRuns.length === 0) {
    blocks.push({
      kind: "notRecorded",
      what: "No billing reconciliation run is recorded for a contract in this scope.",
    });
    return { id: "billing", title: "Billing exceptions at risk and recovered", blocks };
  }
  for (const b of withRuns) {
    const source = links.billing(b.contractId);
    const title = input.contracts.find((c) => c.id === b.contractId)?.title ?? b.contractId;
    blocks.push({
      kind: "figures",
      items: [
        { label: `${title}: exceptions in the latest run`, value: count(b.count), source },
        { label: "At risk", value: money(b.atRiskPence), source },
        { label: "Open / disputed", value: `${money(b.openPence)} / ${money(b.disputedPence)}`, source },
        { label: "Recovered by credit notes", value: money(b.recoveredPence), source },
      ],
    });
    blocks.push({
      kind: "table",
      caption: `${title}: by rule (run ${b.run?.id ?? ""})`,
      columns: ["Rule", "Exceptions", "At risk", "Open", "Disputed", "Accepted", "Recovered"],
      rows: b.byRule.map((r) => [
        { text: `${r.rule} ${r.title}` },
        { text: count(r.count), numeric: true },
        { text: money(r.atRiskPence), numeric: true },
        { text: money(r.openPence), numeric: true },
        { text: money(r.disputedPence), numeric: true },
        { text: money(r.acceptedPence), numeric: true },
        { text: money(r.recoveredPence), numeric: true },
      ]),
      source,
    });
    blocks.push({
      kind: "chart",
      caption: `${title}: amount at risk by rule`,
      chart: {
        kind: "bar",
        unit: "pence",
        horizontal: true,
        categories: b.byRule.map((r) => r.rule),
        series: [
          { name: "at risk", values: b.byRule.map((r) => r.atRiskPence) },
          { name: "recovered", values: b.byRule.map((r) => r.recoveredPence) },
        ],
      },
      source,
    });
  }
  return { id: "billing", title: "Billing exceptions at risk and recovered", blocks };
}
