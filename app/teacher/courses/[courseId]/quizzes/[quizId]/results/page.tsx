import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/course/section-header";
import { ItemAnalysis } from "@/components/quiz/item-analysis";
import { DATE_TIME } from "@/components/quiz/quiz-window-text";
import { ScoreDistributionChart } from "@/components/quiz/score-distribution-chart";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { getQuizResults } from "@/lib/quiz/get-quiz-results";
import { teacherQuizzesPath } from "@/lib/quiz/paths";

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 10) / 10}%`);

/** Results of a quiz: summary, distribution, each student's attempts and result, who has not attempted, item analysis. */
export default async function QuizResultsPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, quizId } = await params;
  const [results, t, format] = await Promise.all([orHttpError(getQuizResults(actor, quizId)), getTranslations("quiz.results"), getFormatter()]);
  if (results.quiz.courseId !== courseId) notFound();
  const { summary } = results;
  return (
    <div className="space-y-4">
      <Link href={teacherQuizzesPath(courseId)} className="text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <SectionHeader title={t("title", { quiz: results.quiz.title })} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="results-summary">
        {[
          [t("students"), `${summary.count}`],
          [t("mean"), percent(summary.mean)],
          [t("median"), percent(summary.median)],
          [t("passRate", { pass: results.quiz.passPercent }), summary.passRate === null ? "—" : `${Math.round(summary.passRate * 100)}%`],
        ].map(([label, value]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">{t(`scoringNote.${results.quiz.scoring}`)}</p>
      <Card title={t("distribution")}>
        <ScoreDistributionChart bins={results.distribution} passPercent={results.quiz.passPercent} title={t("distribution")} countLabel={t("count")} />
      </Card>

      <Card title={t("byStudent")}>
        {!results.students.length ? (
          <p className="text-sm text-slate-500">{t("noAttempts")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="results-students">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3">{t("student")}</th>
                  <th className="py-1 pr-3">{t("attempts")}</th>
                  <th className="py-1 pr-3">{t("result")}</th>
                </tr>
              </thead>
              <tbody>
                {results.students.map((row) => (
                  <tr key={row.userId} className="border-t border-slate-100 align-top">
                    <td className="py-2 pr-3">
                      {row.name} <span className="text-xs text-slate-500">{row.no}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <ul className="space-y-0.5">
                        {row.attempts.map((attempt) => (
                          <li key={attempt.id} className="tabular-nums">
                            #{attempt.number}{" "}
                            {attempt.status === "IN_PROGRESS"
                              ? t("inProgress")
                              : attempt.score === null
                                ? t("toMark")
                                : `${attempt.score} / ${attempt.maxScore}`}
                            {attempt.submittedAt && <span className="text-xs text-slate-500"> · {format.dateTime(attempt.submittedAt, DATE_TIME)}</span>}
                            {attempt.autoSubmitted && <span className="text-xs text-amber-700"> · {t("auto")}</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-3 tabular-nums">
                      {row.result?.score == null ? (
                        "—"
                      ) : (
                        <span className="flex flex-wrap items-center gap-1">
                          {row.result.score} / {row.result.maxScore} ({percent(row.result.percent)})
                          {row.passed === false && <Badge tone="amber">{t("notPassed")}</Badge>}
                        </span>
                      )}
                      {row.result?.pending && <span className="block text-xs text-slate-500">{t("pending")}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <Card title={t("notAttempted", { count: results.notAttempted.length })}>
        {results.notAttempted.length ? (
          <ul className="flex flex-wrap gap-2 text-sm" data-testid="results-not-attempted">
            {results.notAttempted.map((row) => (
              <li key={row.userId} className="rounded-full bg-slate-100 px-2 py-0.5">
                {row.name} <span className="text-xs text-slate-500">{row.no}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">{t("everyoneAttempted")}</p>
        )}
      </Card>

      <ItemAnalysis questions={results.questions} analysedAttempts={results.analysedAttempts} />
    </div>
  );
}
