/** Savings claimed against realised, per contract: the gap is what the committee asks about. */
import type { ReportInput } from "../input.ts";
import { links, money, share } from "../format.ts";
import type { Block, Section } from "../model.ts";

export function savingsSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  if (input.contracts.length === 0) {
    blocks.push({ kind: "notRecorded", what: "No contract is in this report's scope." });
    return { id: "savings", title: "Savings claimed against realised", blocks };
  }
  const rows = input.contracts.map((c) => {
    const s = input.savings.find((x) => x.contractId === c.id);
    const claimed = s?.claimedPence ?? c.savingsClaimedPence;
    const realised = s?.realisedPence ?? null;
    const toDate = s?.claimedToDatePence ?? null;
    return { c, claimed, toDate, realised, basis: s?.basis ?? null };
  });
  blocks.push({
    kind: "table",
    caption: "Savings per contract",
    columns: [
      "Contract",
      "Claimed (whole life)",
      "Claimed to date",
      "Realised to date",
      "Realised / claimed to date",
      "Basis",
    ],
    rows: rows.map(({ c, claimed, toDate, realised, basis }) => [
      { text: c.title, href: links.contract(c.id).href },
      { text: money(claimed), numeric: true },
      { text: money(toDate), numeric: true },
      { text: money(realised), numeric: true },
      { text: toDate && realised !== null ? share(realised / toDate) : "not recorded", numeric: true },
      { text: basis ?? "not recorded" },
    ]),
  });
  const charted = rows.filter((r) => r.claimed !== null);
  if (charted.length > 0) {
    blocks.push({
      kind: "chart",
      caption: "Savings claimed and realised (a missing bar is not recorded)",
      chart: {
        kind: "bar",
        unit: "pence",
        categories: charted.map((r) => r.c.id),
        series: [
          { name: "claimed (whole life)", values: charted.map((r) => r.claimed ?? 0) },
          { name: "claimed to date", values: charted.map((r) => r.toDate ?? 0) },
          { name: "realised to date", values: charted.map((r) => r.realised ?? 0) },
        ],
      },
      source:
        charted.length === 1 ? links.contract(charted[0]!.c.id) : { label: "Contracts", href: "/contracts" },
    });
  }
  if (rows.every((r) => r.realised === null)) {
    blocks.push({
      kind: "notRecorded",
      what: "Realised savings are not recorded for any contract in scope.",
    });
  }
  return { id: "savings", title: "Savings claimed against realised", blocks };
}
