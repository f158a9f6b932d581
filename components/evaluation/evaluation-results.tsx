import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { EvaluationResults as Results } from "@/lib/evaluation/get-evaluation-results";

const LEVELS = [1, 2, 3, 4, 5] as const;
/** From 1 (red) to 5 (green), as in the pre-class confidence chart. */
const LEVEL_COLORS = ["bg-red-600", "bg-orange-500", "bg-yellow-400", "bg-lime-500", "bg-green-600"];

/**
 * The aggregated results: response count and rate always; means, distributions and comments only once the
 * threshold is reached — below it the page says how many answers there are and nothing else.
 */
export async function EvaluationResults({ results }: { results: Results }) {
  const [t, format] = await Promise.all([getTranslations("evaluation.results"), getFormatter()]);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 0 });
  return (
    <div className="space-y-4">
      <Card title={t("responseRate")}>
        <div data-testid="evaluation-response-rate">
          {results.responseRate !== null && <p className="text-3xl font-semibold text-brand-700">{percent(results.responseRate)}</p>}
          <p className="mt-1 text-sm text-slate-600">
            {results.studentCount ? t("responded", { responses: results.responses, students: results.studentCount }) : t("noStudents")}
          </p>
        </div>
      </Card>
      {results.aggregates === null ? (
        <Card>
          <div data-testid="evaluation-not-enough" className="py-4 text-center">
            <p className="font-medium text-slate-800">{t("notEnough", { count: results.responses, minimum: results.minimum })}</p>
            <p className="mt-1 text-sm text-slate-600">{t("notEnoughHint", { minimum: results.minimum })}</p>
          </div>
        </Card>
      ) : (
        <>
          <Card title={t("title")}>
            <p className="mb-3 text-xs text-slate-500">{t("anonymity")}</p>
            <ol data-testid="evaluation-item-results" className="space-y-4">
              {results.aggregates.items.map((item) => {
                const total = item.counts.reduce((a, b) => a + b, 0);
                return (
                  <li key={item.id} data-testid="evaluation-item-result" className="space-y-1.5">
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="text-sm font-medium text-slate-800">{item.text}</span>
                      <span className="text-sm text-slate-600">
                        {t("mean")}{" "}
                        <span data-testid="evaluation-item-mean" className="text-lg font-semibold text-brand-700">
                          {item.mean === null ? "–" : format.number(item.mean, { maximumFractionDigits: 2, minimumFractionDigits: 2 })}
                        </span>{" "}
                        · {t("answers", { count: total })}
                      </span>
                    </div>
                    <div
                      role="img"
                      aria-label={`${t("distribution", { item: item.text })}: ${LEVELS.map((level) => t("level", { level, count: item.counts[level - 1] })).join("，")}`}
                      className="flex h-5 overflow-hidden rounded-md bg-slate-100"
                    >
                      {LEVELS.map((level) =>
                        item.counts[level - 1] > 0 ? (
                          <div
                            key={level}
                            className={`${LEVEL_COLORS[level - 1]} flex items-center justify-center text-[11px] font-medium text-white`}
                            style={{ width: `${(item.counts[level - 1] / total) * 100}%` }}
                          >
                            {item.counts[level - 1]}
                          </div>
                        ) : null,
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
          </Card>
          <Card title={t("comments", { count: results.aggregates.comments.length })}>
            {results.aggregates.comments.length === 0 ? (
              <p className="text-sm text-slate-500">{t("noComments")}</p>
            ) : (
              <ul data-testid="evaluation-comments" className="space-y-2">
                {results.aggregates.comments.map((comment, i) => (
                  // Comments carry no id on purpose; their position in a shuffled list is all there is.
                  <li key={i} className="whitespace-pre-line rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
                    {comment}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
