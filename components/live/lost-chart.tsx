"use client";
import { useEffect, useRef } from "react";
import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

// Only what a line chart needs, so that the board does not ship all of ECharts.
echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Students per minute pressing 不懂; `labels` name the minutes (oldest first). */
export function LostChart({ perMinute, labels, title }: { perMinute: number[]; labels: string[]; title: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: "svg" });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption({
      // Browser tests take screenshots; a line still moving would differ from run to run.
      animation: !navigator.webdriver,
      color: ["#dc2626"],
      tooltip: { trigger: "axis" },
      grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
      xAxis: { type: "category", data: labels, boundaryGap: false, axisLabel: { interval: 4, fontSize: 13 } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { fontSize: 13 } },
      series: [{ type: "line", data: perMinute, areaStyle: { opacity: 0.15 }, symbol: "none", lineStyle: { width: 3 } }],
    });
  }, [perMinute, labels]);

  return <div ref={ref} data-testid="lost-chart" role="img" aria-label={title} className="h-48 w-full" />;
}
