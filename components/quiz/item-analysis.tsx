import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { QuestionStatistic } from "@/lib/quiz/get-quiz-results";

const two = (value: number | null) => (value === null ? "—" : value.toFixed(2));

/**
 * Per question: difficulty p (mean share of points), discrimination (corrected item–total correlation, i.e.
 * point-biserial for right/wrong items) and how often each option was chosen; negative discrimination is flagged.
 */
export async function ItemAnalysis({ questions, analysedAttempts }: { questions: QuestionStatistic[]; analysedAttempts: number }) {
  const t = await getTranslations("quiz.analysis");
  const tType = await getTranslations("quiz.types");
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-xs text-slate-500">{t("explain", { count: analysedAttempts })}</p>
      {!questions.length && <p className="text-sm text-slate-500">{t("empty")}</p>}
      <ol className="space-y-3" data-testid="item-analysis">
        {questions.map((question, index) => (
          <li key={question.questionId} className="rounded-lg border border-slate-200 p-3" data-testid="item-row">
            <div className="flex flex-wrap items-start gap-2">
              <span className="text-sm text-slate-500">{index + 1}.</span>
              <p className="min-w-0 flex-1 text-sm">{question.stem.length > 120 ? `${question.stem.slice(0, 120)}…` : question.stem}</p>
              <Badge tone="blue">{tType(question.type)}</Badge>
            </div>
            <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm tabular-nums">
              <div>
                <dt className="inline text-slate-500">{t("n")}：</dt>
                <dd className="inline">{question.n}</dd>
              </div>
              <div>
                <dt className="inline text-slate-500">{t("difficulty")}：</dt>
                <dd className="inline">{two(question.difficulty)}</dd>
              </div>
              <div>
                <dt className="inline text-slate-500">{t("discrimination")}：</dt>
                <dd className="inline">{two(question.discrimination)}</dd>
              </div>
              {question.negativeDiscrimination && (
                <span data-testid="item-flag">
                  <Badge tone="red">{t("keyMayBeWrong")}</Badge>
                </span>
              )}
            </dl>
            {question.options.length > 0 && (
              <ul className="mt-2 space-y-1 text-sm">
                {question.options.map((option) => {
                  const share = question.n ? option.count / question.n : 0;
                  return (
                    <li key={option.key} className="flex items-center gap-2">
                      <span className={`w-16 shrink-0 ${option.correct ? "font-semibold text-emerald-700" : ""}`}>
                        {question.type === "TRUE_FALSE" ? t(option.key === "true" ? "true" : "false") : option.key}
                        {option.correct && " ✓"}
                      </span>
                      <span className="relative h-4 flex-1 overflow-hidden rounded bg-slate-100">
                        <span className={`absolute inset-y-0 left-0 ${option.correct ? "bg-emerald-500" : "bg-slate-400"}`} style={{ width: `${share * 100}%` }} />
                      </span>
                      <span className="w-10 text-right tabular-nums">{option.count}</span>
                    </li>
                  );
                })}
                <li className="text-xs text-slate-500">{t("unanswered", { count: question.unanswered })}</li>
              </ul>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
