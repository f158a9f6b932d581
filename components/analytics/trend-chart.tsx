import { getTranslations } from "next-intl/server";
import type { WeekMeasures } from "@/lib/analytics/measures";
import { chartPercent } from "./format";
import { AnalyticsChart } from "./line-chart";

/** The measures by week of term, all in percent so that they share one axis. */
export async function TrendChart({ trend }: { trend: WeekMeasures[] }) {
  const t = await getTranslations("analytics.ui");
  return (
    <AnalyticsChart
      kind="line"
      testId="trend-chart"
      title={t("department.trendTitle")}
      categories={trend.map((row) => t("dash.weekLabel", { week: row.week }))}
      max={100}
      series={[
        { name: t("chart.preClass"), data: trend.map((row) => chartPercent(row.preClassRate)) },
        { name: t("chart.signIn"), data: trend.map((row) => chartPercent(row.signInRate)) },
        { name: t("chart.participation"), data: trend.map((row) => chartPercent(row.participationRate)) },
        { name: t("chart.quiz"), data: trend.map((row) => (row.quizAverage === null ? null : Math.round(row.quizAverage * 10) / 10)) },
        { name: t("chart.homework"), data: trend.map((row) => chartPercent(row.homeworkOnTimeRate)) },
        { name: t("chart.delivery"), data: trend.map((row) => chartPercent(row.deliveryRate)) },
      ]}
    />
  );
}
