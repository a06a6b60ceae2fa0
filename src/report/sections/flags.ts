/**
 * Procurement red flags on the contracting processes of the contracts in scope (the indicators
 * of src/flags on the stored OCDS releases). A flag is a lead for a closer look, never a verdict.
 */
import type { ReportInput } from "../input.ts";
import { count, links } from "../format.ts";
import type { Block, Section } from "../model.ts";

export function flagsSection(input: ReportInput): Section {
  const blocks: Block[] = [{ kind: "paragraph", text: input.flagsNote }];
  if (input.flags === null) {
    blocks.push({ kind: "notRecorded", what: "Red flags could not be run for this report." });
    return { id: "flags", title: "Procurement red flags", blocks };
  }
  const withOcid = input.contracts.filter((c) => c.ocid);
  if (input.scope.kind === "body") {
    const fp = input.flaggedProcesses;
    const byCode = new Map<string, { name: string; n: number }>();
    for (const p of fp)
      for (const f of p.flags) byCode.set(f.code, { name: f.name, n: (byCode.get(f.code)?.n ?? 0) + 1 });
    const codes = [...byCode.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
    blocks.push({
      kind: "figures",
      items: [{ label: "Contracting processes flagged", value: count(fp.length), source: links.flags() }],
    });
    if (codes.length > 0) {
      blocks.push({
        kind: "chart",
        caption: "Processes flagged by each indicator",
        chart: {
          kind: "bar",
          unit: "count",
          horizontal: true,
          categories: codes.map(([code, v]) => `${code} ${v.name}`),
          series: [{ name: "processes", values: codes.map(([, v]) => v.n) }],
        },
        source: links.flags(),
      });
      blocks.push({
        kind: "table",
        caption: "Flagged contracting processes",
        columns: ["Process (ocid)", "Title", "Indicators"],
        rows: fp.map((p) => [
          { text: p.ocid },
          { text: p.name ?? "not recorded" },
          { text: p.flags.map((f) => `${f.code} ${f.name}`).join("; ") },
        ]),
        source: links.flags(),
      });
    }
  }
  if (withOcid.length === 0) {
    blocks.push({
      kind: "notRecorded",
      what: "No contract in scope names its OCDS contracting process (ocid).",
    });
    return { id: "flags", title: "Procurement red flags", blocks };
  }
  blocks.push({
    kind: "table",
    caption: "Red flags per contract",
    columns: ["Contract", "Process (ocid)", "Flags", "Indicators"],
    rows: withOcid.map((c) => {
      const f = input.flags?.find((x) => x.contractId === c.id);
      return [
        { text: c.title, href: links.contract(c.id).href },
        { text: c.ocid ?? "" },
        { text: count(f?.flags.length ?? 0), numeric: true },
        {
          text:
            f && f.flags.length > 0 ? f.flags.map((x) => `${x.code} ${x.name}`).join("; ") : "none raised",
        },
      ];
    }),
    source: links.flags(),
  });
  return { id: "flags", title: "Procurement red flags", blocks };
}
