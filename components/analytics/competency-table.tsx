import { getTranslations } from "next-intl/server";
import type { CompetencyView } from "@/lib/analytics/competencies";
import { ExportLinks } from "./export-links";
import { percent } from "./format";
import { AnalyticsChart } from "./line-chart";

/** Coverage (objectives, questions) and attainment per competency, with the tags nothing collects yet. */
export async function CompetencyTable({ view, exportParams }: { view: CompetencyView; exportParams: Record<string, string | undefined> }) {
  const [t, tc] = await Promise.all([getTranslations("analytics.ui.competencies"), getTranslations("analytics.columns")]);
  const head = "px-2 py-2 font-medium whitespace-nowrap";
  const num = "px-2 py-2 text-right tabular-nums";
  if (view.competencies.length === 0) return <p className="text-sm text-slate-500">{t("empty")}</p>;
  return (
    <div className="space-y-3">
      <div className="flex justify-end">
        <ExportLinks table="competencies" params={exportParams} />
      </div>
      <AnalyticsChart
        kind="bar"
        testId="competency-chart"
        title={t("coverage")}
        max={100}
        categories={view.competencies.map((c) => c.name)}
        series={[{ name: tc("attainment"), data: view.competencies.map((c) => (c.attainment === null ? null : Math.round(c.attainment * 1000) / 10)) }]}
        height={240}
      />
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="competency-table">
          <thead className="text-slate-600">
            <tr>
              <th className={head}>{tc("competency")}</th>
              <th className={`${head} text-right`}>{tc("objectives")}</th>
              <th className={`${head} text-right`}>{tc("questions")}</th>
              <th className={`${head} text-right`}>{tc("answered")}</th>
              <th className={`${head} text-right`}>{tc("attainment")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {view.competencies.map((c) => (
              <tr key={c.id}>
                <td className="px-2 py-2">
                  <span className="font-mono text-xs text-slate-500">{c.code}</span> {c.name}
                  <p className="text-xs text-slate-500">{c.tags.join("、")}</p>
                </td>
                <td className={num}>{c.objectives}</td>
                <td className={num}>{c.questions}</td>
                <td className={num}>{c.answered}</td>
                <td className={num}>{percent(c.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.unmappedTags.length > 0 && (
        <div>
          <h3 className="mb-1 text-sm font-medium">{t("unmapped")}</h3>
          <p className="text-xs text-slate-600">{view.unmappedTags.map((tag) => t("unmappedLine", tag)).join("　")}</p>
        </div>
      )}
    </div>
  );
}
