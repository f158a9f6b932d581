"use client";
import { useEffect, useRef } from "react";
import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what line and bar charts need, so that the page does not ship all of ECharts.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  data: (number | null)[];
}

/** Lines (trends) or bars (distributions) over categories; resizes with its box, readable on a phone. */
export function AnalyticsChart({
  kind,
  categories,
  series,
  title,
  testId,
  max,
  height = 280,
}: {
  kind: "line" | "bar";
  categories: string[];
  series: ChartSeries[];
  title: string;
  testId: string;
  /** Top of the value axis (100 for percentages); automatic when left out. */
  max?: number;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption({
      // Browser tests take screenshots; a chart still growing would differ from run to run.
      animation: !navigator.webdriver,
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll", itemWidth: 14, itemHeight: 10 },
      grid: { left: 4, right: 12, top: series.length > 1 ? 48 : 16, bottom: 4, containLabel: true },
      xAxis: { type: "category", data: categories, axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", min: 0, ...(max !== undefined && { max }), minInterval: 1 },
      series: series.map((s) => ({
        name: s.name,
        type: kind,
        data: s.data,
        connectNulls: true,
        barMaxWidth: 28,
        symbolSize: 5,
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [kind, categories, series, max]);

  return <div ref={ref} data-testid={testId} role="img" aria-label={title} className="w-full" style={{ height }} />;
}
