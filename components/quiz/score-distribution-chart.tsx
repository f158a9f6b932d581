"use client";
import { useEffect, useRef } from "react";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what a bar chart needs, so that the page does not ship all of ECharts.
echarts.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** How many students' results fall into each 10 % band; bands below the pass mark are drawn in amber. */
export function ScoreDistributionChart({ bins, passPercent, title, countLabel }: {
  bins: { from: number; to: number; count: number }[];
  passPercent: number;
  title: string;
  countLabel: string;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chart.setOption({
      // Browser tests take screenshots; a chart still growing would differ from run to run.
      animation: !navigator.webdriver,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 4, right: 12, top: 16, bottom: 4, containLabel: true },
      xAxis: { type: "category", data: bins.map((bin) => `${bin.from}–${bin.to}`), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: "value", minInterval: 1, name: countLabel },
      series: [
        {
          type: "bar",
          name: countLabel,
          barMaxWidth: 36,
          data: bins.map((bin) => ({ value: bin.count, itemStyle: { color: bin.to <= passPercent ? "#f59e0b" : "#0f766e" } })),
          label: { show: true, position: "top", formatter: ({ value }: { value: unknown }) => (value ? String(value) : "") },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [bins, passPercent, countLabel]);

  return <div ref={ref} data-testid="score-distribution" role="img" aria-label={title} className="h-64 w-full" />;
}
