/**
 * A small bar chart (echarts) for the Decide page: the amount each administration is committed
 * to, or the P10/P50/P90 range of an option's savings. The same figures are always in a table
 * beside it; the chart is a reading aid, hidden from screen readers.
 */
import { BarChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

export interface Bar {
  label: string;
  /** Pounds (for display only; the table holds the exact figures). */
  value: number;
  colour?: string;
}

interface DecideBarChartProps {
  bars: Bar[];
  /** A horizontal line, e.g. the savings target, in pounds. */
  line?: { value: number; label: string };
  testId: string;
}

const millions = (v: number) => `£${(v / 1_000_000).toLocaleString("en-GB", { maximumFractionDigits: 1 })}m`;

export function DecideBarChart({ bars, line, testId }: DecideBarChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 70, right: 20, top: 20, bottom: 40 },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => millions(Number(v)) },
      xAxis: { type: "category", data: bars.map((b) => b.label), axisLabel: { interval: 0 } },
      yAxis: {
        type: "value",
        // Room for the reference line when it is above every bar.
        max: line
          ? Math.ceil((Math.max(line.value, ...bars.map((b) => b.value)) * 1.1) / 1e7) * 1e7
          : undefined,
        axisLabel: { formatter: (v: number) => millions(v) },
      },
      series: [
        {
          type: "bar",
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.colour ?? "#1d70b8" } })),
          ...(line
            ? {
                markLine: {
                  symbol: "none",
                  lineStyle: { color: "#d4351c", type: "dashed" },
                  label: { formatter: line.label, position: "insideEndTop" },
                  data: [{ yAxis: line.value }],
                },
              }
            : {}),
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [bars, line]);
  return (
    <div
      ref={ref}
      data-testid={testId}
      aria-hidden="true"
      style={{ width: "100%", maxWidth: 720, height: 260 }}
    />
  );
}
