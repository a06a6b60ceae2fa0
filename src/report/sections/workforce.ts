/**
 * Workforce: posts transferred, retained, relocated and made redundant, and whether the supplier
 * declared the use of zero-hour contracts (src/decide/workforce).
 */
import type { ReportInput } from "../input.ts";
import { count, links, share } from "../format.ts";
import type { Block, Section } from "../model.ts";

const ZERO_HOURS = {
  yes: "declared: zero-hour contracts used",
  no: "declared: none used",
  "not-declared": "not declared",
};

export function workforceSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  if (input.workforce.length === 0) {
    blocks.push({ kind: "notRecorded", what: "No workforce impact is recorded for this scope." });
    return { id: "workforce", title: "Workforce", blocks };
  }
  for (const w of input.workforce) {
    const source = w.contractId
      ? links.deal(w.contractId, `Workforce impact ${w.id}`)
      : links.decisions(w, `Workforce impact ${w.id}`);
    if (!w.result) {
      blocks.push({
        kind: "notRecorded",
        what: `${w.title}: the workforce summary could not be computed (${w.error ?? "no result"}).`,
      });
      continue;
    }
    const r = w.result;
    const zh = r.zeroHours;
    blocks.push({
      kind: "figures",
      items: [
        { label: `${w.title}: posts in scope`, value: count(r.postsInScope), source },
        { label: "Transferred", value: `${count(r.transferred)} (${share(r.shareTransferred)})`, source },
        { label: "Relocated", value: `${count(r.relocatedTotal)} (${share(r.shareRelocated)})`, source },
        { label: "Redundant", value: `${count(r.redundant)} (${share(r.shareRedundant)})`, source },
        {
          label: "Zero-hour contracts",
          value: `${ZERO_HOURS[zh.status]}${zh.date ? ` on ${zh.date}` : ""}${zh.source ? ` (${zh.source})` : ""}`,
          source,
        },
      ],
    });
    blocks.push({
      kind: "chart",
      caption: `${w.title}: what happens to the posts`,
      chart: {
        kind: "bar",
        unit: "count",
        categories: ["transferred", "retained", "relocated", "redundant"],
        series: [{ name: "posts", values: [r.transferred, r.retained, r.relocatedTotal, r.redundant] }],
      },
      source,
    });
    if (r.relocatedByLocation.length > 0) {
      blocks.push({
        kind: "table",
        caption: `${w.title}: posts relocated, by location`,
        columns: ["Location", "Posts"],
        rows: r.relocatedByLocation.map((l) => [
          { text: l.location },
          { text: count(l.posts), numeric: true },
        ]),
        source,
      });
    }
  }
  return { id: "workforce", title: "Workforce", blocks };
}
