/**
 * Performance against KPIs (the latest rating of each KPI, on the Procurement Act 2023 scale)
 * and the service credits deducted, per contract in scope.
 */
import { RATINGS, RATING_WORDS } from "../../manage/rating.ts";
import type { ReportInput } from "../input.ts";
import { links, money, orNot } from "../format.ts";
import type { Block, Section } from "../model.ts";

export function performanceSection(input: ReportInput): Section {
  const blocks: Block[] = [];
  if (input.contracts.length === 0) {
    blocks.push({ kind: "notRecorded", what: "No contract is in this report's scope." });
    return { id: "performance", title: "Performance against KPIs and service credits", blocks };
  }
  for (const c of input.contracts) {
    const p = input.performance.find((x) => x.contractId === c.id);
    const source = links.contract(c.id, c.title);
    const credits = input.credits.find((x) => x.contractId === c.id);
    blocks.push({
      kind: "figures",
      items: [
        { label: `${c.title}: KPIs recorded`, value: String(p?.kpis.length ?? 0), source },
        { label: "Ratings recorded", value: String(p?.ratings.length ?? 0), source },
        {
          label:
            credits?.months == null
              ? "Service credits deducted"
              : `Service credits deducted (${credits.months} month${credits.months === 1 ? "" : "s"} assessed)`,
          value: money(credits?.creditsPence),
          source,
        },
      ],
    });
    if (credits?.basis) blocks.push({ kind: "paragraph", text: `Service credits: ${credits.basis}` });
    if (!p || p.kpis.length === 0) {
      blocks.push({ kind: "notRecorded", what: `${c.title}: no KPI is recorded.` });
      continue;
    }
    blocks.push({
      kind: "table",
      caption: `${c.title}: each KPI's latest rating`,
      columns: ["KPI", "Target", "Period end", "Rating", "Explanation"],
      rows: p.kpis.map((k) => {
        const latest = p.ratings
          .filter((r) => r.kpiId === k.id)
          .sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1))[0];
        return [
          { text: k.title, href: source.href },
          { text: orNot(k.target) },
          { text: latest?.periodEnd ?? "not recorded" },
          { text: latest ? RATING_WORDS[latest.rating].label : "not recorded" },
          { text: latest?.explanation || "" },
        ];
      }),
      source,
    });
    const periods = [...new Set(p.ratings.map((r) => r.periodEnd))].sort();
    if (periods.length > 0) {
      blocks.push({
        kind: "chart",
        caption: `${c.title}: KPI ratings per period`,
        chart: {
          kind: "bar",
          unit: "count",
          stacked: true,
          categories: periods,
          series: RATINGS.map((rating) => ({
            name: RATING_WORDS[rating].label,
            values: periods.map(
              (pe) => p.ratings.filter((r) => r.periodEnd === pe && r.rating === rating).length,
            ),
          })).filter((s) => s.values.some((v) => v > 0)),
        },
        source,
      });
    }
  }
  return { id: "performance", title: "Performance against KPIs and service credits", blocks };
}
