"use client";
import { useEffect, useRef } from "react";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what a stacked bar chart needs, so that the page does not ship all of ECharts.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** From "not at all" (1, red) to "fully confident" (5, green). */
const LEVEL_COLORS = ["#dc2626", "#f97316", "#facc15", "#84cc16", "#16a34a"];

export interface ConfidenceChartRow {
  label: string;
  /** Number of students per confidence level 1…5. */
  counts: number[];
}

/** Stacked bars, one per objective, of how many students chose each confidence level. */
export function ConfidenceChart({ rows, levelLabels, title }: { rows: ConfidenceChartRow[]; levelLabels: string[]; title: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption({
      // Browser tests take screenshots; a chart still growing would differ from run to run.
      animation: !navigator.webdriver,
      color: LEVEL_COLORS,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, itemWidth: 14, itemHeight: 10 },
      grid: { left: 4, right: 12, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", inverse: true, data: rows.map((row) => row.label), axisLabel: { width: 140, overflow: "truncate" } },
      series: levelLabels.map((name, level) => ({
        name,
        type: "bar",
        stack: "confidence",
        barMaxWidth: 28,
        data: rows.map((row) => row.counts[level] ?? 0),
        label: { show: true, formatter: ({ value }: { value: unknown }) => (value ? String(value) : "") },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [rows, levelLabels]);

  return (
    <div
      ref={ref}
      data-testid="confidence-chart"
      role="img"
      aria-label={title}
      className="w-full"
      style={{ height: 56 + rows.length * 48 }}
    />
  );
}
