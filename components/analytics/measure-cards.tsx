import { getTranslations } from "next-intl/server";
import type { Measures } from "@/lib/analytics/measures";
import { decimal, percent } from "./format";

/** The headline figures of a department, class or course, as a grid of small cards (two columns on a phone). */
export async function MeasureCards({ measures, testId = "measure-cards" }: { measures: Measures; testId?: string }) {
  const t = await getTranslations("analytics.measures");
  const cards: [string, string][] = [
    [t("students"), String(measures.students)],
    [t("preClassRate"), percent(measures.preClassRate)],
    [t("participationRate"), percent(measures.participationRate)],
    [t("signInRate"), percent(measures.signInRate)],
    [t("quizAverage"), decimal(measures.quizAverage)],
    [t("quizPassRate"), percent(measures.quizPassRate)],
    [t("homeworkOnTimeRate"), percent(measures.homeworkOnTimeRate)],
    [t("evaluationMean"), decimal(measures.evaluationMean, 2)],
    [t("bindingRate"), percent(measures.bindingRate)],
    [t("deliveryRate"), percent(measures.deliveryRate)],
  ];
  return (
    <dl data-testid={testId} className="grid grid-cols-2 gap-2 sm:grid-cols-5">
      {cards.map(([label, value]) => (
        <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
