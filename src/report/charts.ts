/**
 * Charts as SVG text, drawn by echarts' server-side renderer (no DOM, no canvas, no animation):
 * the report's HTML carries them inline, so it needs no script and the PDF prints them as drawn.
 * echarts escapes the text it draws (labels come from records), and the output is checked for
 * markup that could run (a test holds a record named `<script>`).
 */
import * as echarts from "echarts";
import { formatGBPShort } from "../shared/money.ts";
import type { ChartSpec } from "./model.ts";

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by order too. */
const PALETTE = ["#1d4f91", "#b3471b", "#2e7d32", "#6a3d9a", "#8a6d00", "#00695c"];

const axisLabel = (unit: ChartSpec["unit"]) => (v: number) =>
  unit === "pence" ? formatGBPShort(Math.round(v)) : unit === "share" ? `${Math.round(v * 100)}%` : String(v);

/** Names longer than this are cut on the axis (the table beside the chart has them whole). */
const MAX_LABEL = 28;
const cut = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

export function chartSvg(spec: ChartSpec, size = { width: 640, height: 300 }): string {
  const height = spec.horizontal ? Math.max(size.height, 40 + spec.categories.length * 26) : size.height;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height });
  try {
    const categoryAxis = {
      type: "category" as const,
      data: spec.categories.map(cut),
      axisLabel: {
        interval: 0,
        fontSize: 11,
        ...(spec.horizontal ? {} : { rotate: spec.categories.length > 4 ? 30 : 0 }),
      },
    };
    const valueAxis = {
      type: "value" as const,
      axisLabel: { formatter: axisLabel(spec.unit), fontSize: 11 },
      ...(spec.unit === "count" ? { minInterval: 1 } : {}),
    };
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: "sans-serif", color: "#1b1b1b" },
      legend: spec.series.length > 1 ? { top: 0, data: spec.series.map((s) => s.name) } : undefined,
      grid: {
        left: spec.horizontal ? 190 : 80,
        right: 24,
        top: spec.series.length > 1 ? 32 : 16,
        bottom: spec.horizontal ? 24 : 64,
      },
      xAxis: spec.horizontal ? valueAxis : categoryAxis,
      yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
      series: spec.series.map((s) => ({
        name: s.name,
        type: "bar",
        data: s.values,
        ...(spec.stacked ? { stack: "all" } : {}),
      })),
    });
    const svg = chart.renderToSVGString();
    if (/<script|<foreignObject|\son\w+=/i.test(svg))
      throw new Error("chart SVG holds markup that could run");
    return svg;
  } finally {
    chart.dispose();
  }
}
