import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { CONFIDENCE_LEVELS, type ObjectiveConfidence } from "@/lib/feedback/get-feedback-summary";
import { ConfidenceChart } from "./confidence-chart";

/** The chart for the overview, and the same numbers as a table for exact reading and screen readers. */
export async function ConfidenceSection({ objectives }: { objectives: ObjectiveConfidence[] }) {
  const [t, format] = await Promise.all([getTranslations("plan.feedback"), getFormatter()]);
  const meanOf = (mean: number | null) => (mean === null ? null : format.number(mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const levels = CONFIDENCE_LEVELS.map((level) => t("level", { level }));
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">{t("confidenceHint")}</p>
      {objectives.length > 0 && (
        <ConfidenceChart
          title={t("chartTitle")}
          levelLabels={levels}
          rows={objectives.map((objective, i) => ({
            label: objective.mean === null ? t("chartLabelNoMean", { n: i + 1 }) : t("chartLabel", { n: i + 1, mean: meanOf(objective.mean)! }),
            counts: objective.counts,
          }))}
        />
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="confidence-table">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1.5 pr-2 font-medium">{t("objectiveColumn")}</th>
              {levels.map((label) => (
                <th key={label} scope="col" className="px-1.5 py-1.5 text-right font-medium">{label}</th>
              ))}
              <th scope="col" className="px-1.5 py-1.5 text-right font-medium">{t("responses")}</th>
              <th scope="col" className="py-1.5 pl-1.5 text-right font-medium">{t("mean")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {objectives.map((objective, i) => (
              <tr key={objective.id} data-testid="confidence-row" className={objective.low ? "bg-amber-50" : undefined}>
                <th scope="row" className="py-1.5 pr-2 font-normal">
                  <span className="text-slate-500">{i + 1}. </span>
                  {objective.text}
                  {objective.low && (
                    <>
                      {" "}
                      <Badge tone="amber">{t("lowConfidence")}</Badge>
                    </>
                  )}
                </th>
                {objective.counts.map((count, level) => (
                  <td key={level} className="px-1.5 py-1.5 text-right tabular-nums">{count}</td>
                ))}
                <td className="px-1.5 py-1.5 text-right tabular-nums">{objective.total}</td>
                <td className="py-1.5 pl-1.5 text-right font-medium tabular-nums">{meanOf(objective.mean) ?? t("noRatings")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
