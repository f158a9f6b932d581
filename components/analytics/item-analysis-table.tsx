import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Markdown } from "@/components/markdown";
import type { QuizItemAnalysis } from "@/lib/analytics/get-item-analysis";
import { MIN_ATTEMPTS_FOR_GROUPS } from "@/lib/analytics/item-analysis";
import { ExportLinks } from "./export-links";
import { decimal } from "./format";

/** 试题分析: per question difficulty, both discrimination indices, the choices of each group and flags. */
export async function ItemAnalysisTable({ analysis }: { analysis: QuizItemAnalysis }) {
  const [t, tc, tf, tq] = await Promise.all([
    getTranslations("analytics.ui.item"),
    getTranslations("analytics.columns"),
    getTranslations("analytics.flags"),
    getTranslations("analytics.questionTypes"),
  ]);
  const groupSize = analysis.items[0]?.groupSize ?? 0;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600">
          {analysis.analysedAttempts < MIN_ATTEMPTS_FOR_GROUPS ? t("few") : t("analysed", { count: analysis.analysedAttempts, group: groupSize })}
        </p>
        <ExportLinks table="item-analysis" params={{ quizId: analysis.quiz.id }} />
      </div>
      {analysis.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ol className="space-y-3" data-testid="item-analysis">
          {analysis.items.map((item, index) => (
            <li key={item.itemId} className="rounded-xl border border-slate-200 bg-white p-3" data-testid="item-analysis-row">
              <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                <span className="font-semibold">{index + 1}.</span>
                <Badge>{tq(item.type)}</Badge>
                {item.flags.map((flag) => (
                  <Badge key={flag} tone={flag === "wrong_key_suspected" ? "red" : "amber"}>
                    <span data-testid={`flag-${flag}`}>{tf(flag)}</span>
                  </Badge>
                ))}
              </div>
              <Markdown source={item.stem} className="text-sm text-slate-800" />
              <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
                <div>
                  <dt className="text-xs text-slate-500">{tc("attempts")}</dt>
                  <dd className="tabular-nums">{item.n}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{tc("difficulty")}</dt>
                  <dd className="tabular-nums">{decimal(item.difficulty, 2)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{tc("discrimination")}</dt>
                  <dd className="tabular-nums">{decimal(item.discrimination, 2)}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">{tc("upperLower")}</dt>
                  <dd className="tabular-nums">{decimal(item.upperLower, 2)}</dd>
                </div>
              </dl>
              {item.options.length > 0 && (
                <ul className="mt-2 flex flex-wrap gap-2 text-xs">
                  {item.options.map((option) => (
                    <li
                      key={option.key}
                      title={item.optionTexts[option.key] ?? option.key}
                      className={`rounded-md border px-2 py-1 tabular-nums ${option.correct ? "border-emerald-300 bg-emerald-50" : "border-slate-200"}`}
                    >
                      {option.correct && <span className="sr-only">{t("correct")} </span>}
                      {t("option", { key: option.key, count: option.count, upper: option.upper, lower: option.lower })}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
