/**
 * The accountability horizon: money each contract commits per administration, from the deciding
 * one to those it binds (src/decide/horizon), so the committee sees who pays for a decision.
 */
import type { ReportInput } from "../input.ts";
import { count, decimalMoney, decimalToPence, links, share } from "../format.ts";
import type { Block, Section } from "../model.ts";

export function horizonSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  if (input.horizons.length === 0) {
    blocks.push({
      kind: "notRecorded",
      what: "No payment profile is recorded for a contract in this scope.",
    });
    return { id: "horizon", title: "Accountability horizon", blocks };
  }
  for (const h of input.horizons) {
    const source = h.contractId ? links.deal(h.contractId, `Payment profile ${h.id}`) : links.pipeline();
    if (!h.result) {
      blocks.push({
        kind: "notRecorded",
        what: `${h.title}: the horizon could not be computed (${h.error ?? "no result"}).`,
      });
      continue;
    }
    const r = h.result;
    blocks.push({
      kind: "figures",
      items: [
        { label: `${r.contract}: total committed`, value: decimalMoney(r.total), source },
        { label: "Deciding administration", value: r.decidingAdministration ?? "not recorded", source },
        { label: "Later administrations bound", value: count(r.administrationsBound), source },
        { label: "Share paid after the deciding term", value: share(r.shareAfterDecidingTerm), source },
      ],
    });
    blocks.push({
      kind: "chart",
      caption: `${r.contract}: money committed per administration`,
      chart: {
        kind: "bar",
        unit: "pence",
        categories: r.administrations.map((a) => a.label),
        series: [
          { name: "committed", values: r.administrations.map((a) => decimalToPence(a.committed) ?? 0) },
        ],
      },
      source,
    });
    blocks.push({
      kind: "table",
      caption: `${r.contract}: per administration (elections from the ${r.electionsFrom})`,
      columns: ["Administration", "From", "To", "Role", "Committed", "Share of contract"],
      rows: r.administrations.map((a) => [
        { text: a.label },
        { text: a.from },
        { text: a.to },
        { text: a.role },
        { text: decimalMoney(a.committed), numeric: true },
        { text: share(a.shareOfContract), numeric: true },
      ]),
      source,
    });
  }
  return { id: "horizon", title: "Accountability horizon", blocks };
}
