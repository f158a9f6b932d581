import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { AtRiskList, AtRiskRow } from "@/lib/analytics/at-risk";
import type { CourseDashboard } from "@/lib/analytics/course-dashboard";
import { AtRiskTable } from "./at-risk-table";
import { ExportLinks } from "./export-links";
import { decimal, percent } from "./format";
import { Freshness } from "./freshness";
import { AnalyticsChart } from "./line-chart";
import { MeasureCards } from "./measure-cards";
import { TrendChart } from "./trend-chart";

/** 课程看板, shared by the teacher's course page and the department admin's drill-down. */
export async function CourseAnalytics({
  dashboard,
  atRisk,
  quizHref,
  studentHref,
}: {
  dashboard: CourseDashboard;
  atRisk: AtRiskList;
  quizHref: (quizId: string) => string;
  studentHref: (row: AtRiskRow) => string;
}) {
  const [t, tc, tm, format] = await Promise.all([
    getTranslations("analytics.ui"),
    getTranslations("analytics.columns"),
    getTranslations("analytics.measures"),
    getFormatter(),
  ]);
  const params = { courseId: dashboard.course.id };
  const head = "px-2 py-2 font-medium whitespace-nowrap";
  const num = "px-2 py-2 text-right tabular-nums whitespace-nowrap";
  const lessons = dashboard.lessons;
  return (
    <div className="space-y-4">
      <Freshness asOf={dashboard.asOf} filters={params} />
      <MeasureCards measures={dashboard.measures} />

      <Card title={t("course.beforeAfter")}>
        <AnalyticsChart
          kind="bar"
          testId="before-after-chart"
          title={t("course.beforeAfter")}
          max={100}
          categories={lessons.map((lesson) => String(lesson.position + 1))}
          series={[
            { name: t("course.confidence"), data: lessons.map((l) => (l.meanConfidence === null ? null : Math.round(((l.meanConfidence - 1) / 4) * 1000) / 10)) },
            { name: t("course.after"), data: lessons.map((l) => (l.quizAverage === null ? null : Math.round(l.quizAverage * 10) / 10)) },
          ]}
        />
      </Card>

      <section>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("course.lessons")}</h2>
          <ExportLinks table="course-lessons" params={params} />
        </div>
        {lessons.length === 0 ? (
          <p className="text-sm text-slate-500">{t("course.noLessons")}</p>
        ) : (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full min-w-[52rem] text-left text-sm" data-testid="lesson-analytics">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className={`${head} sticky left-0 bg-slate-50`}>{tc("lesson")}</th>
                  <th className={`${head} text-right`}>{tc("feedbackRate")}</th>
                  <th className={`${head} text-right`}>{tc("meanConfidence")}</th>
                  <th className={`${head} text-right`}>{tm("signInRate")}</th>
                  <th className={`${head} text-right`}>{tm("participationRate")}</th>
                  <th className={`${head} text-right`}>{tc("lost")}</th>
                  <th className={`${head} text-right`}>{tc("lostPeak")}</th>
                  <th className={`${head} text-right`}>{t("course.after")}</th>
                  <th className={head}>{tc("planAdjusted")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {lessons.map((l) => (
                  <tr key={l.lessonId} data-testid="lesson-analytics-row" className="align-top">
                    <td className="sticky left-0 bg-white px-2 py-2">
                      <span className="font-medium">
                        {l.position + 1}. {l.title}
                      </span>
                      <p className="text-xs text-slate-500">
                        {format.dateTime(l.startsAt, { month: "numeric", day: "numeric" })} · {t("dash.week", { week: l.week })}
                      </p>
                      {l.objectives.some((o) => o.meanConfidence !== null || o.afterAverage !== null) && (
                        <details className="text-xs text-slate-600" data-testid="lesson-objectives">
                          <summary className="cursor-pointer">{t("course.objectivesBeforeAfter")}</summary>
                          <ul className="mt-1 space-y-0.5">
                            {l.objectives.map((o) => (
                              <li key={o.objectiveId}>
                                {t("course.objectiveLine", {
                                  text: o.text,
                                  confidence: decimal(o.meanConfidence),
                                  after: decimal(o.afterAverage),
                                  answers: o.afterAnswers,
                                })}
                              </li>
                            ))}
                          </ul>
                          <p className="mt-1 text-slate-500">{t("course.objectiveAfterNote")}</p>
                        </details>
                      )}
                    </td>
                    <td className={num}>{percent(l.feedbackRate)}</td>
                    <td className={num}>{decimal(l.meanConfidence)}</td>
                    <td className={num}>{percent(l.signInRate)}</td>
                    <td className={num}>{percent(l.participationRate)}</td>
                    <td className={num}>{l.lost}</td>
                    <td className={num}>{l.lostPeak}</td>
                    <td className={num}>{decimal(l.quizAverage)}</td>
                    <td className="px-2 py-2">{l.planAdjusted && <Badge tone="blue">{t("course.adjusted")}</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <Card title={t("department.trend")}>
        <TrendChart trend={dashboard.trend} />
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("course.quizzes")} actions={<ExportLinks table="course-quizzes" params={params} />}>
          {dashboard.quizzes.length === 0 ? (
            <p className="text-sm text-slate-500">{t("course.noQuizzes")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="quiz-analytics">
                <thead className="text-slate-600">
                  <tr>
                    <th className={head}>{tc("quiz")}</th>
                    <th className={`${head} text-right`}>{tc("results")}</th>
                    <th className={`${head} text-right`}>{tc("average")}</th>
                    <th className={`${head} text-right`}>{tc("passRate")}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {dashboard.quizzes.map((q) => (
                    <tr key={q.quizId}>
                      <td className="px-2 py-2">
                        <Link href={quizHref(q.quizId)} className="text-brand-700 underline" data-testid="item-analysis-link">
                          {q.title}
                        </Link>
                      </td>
                      <td className={num}>{q.results}</td>
                      <td className={num}>{decimal(q.average)}</td>
                      <td className={num}>{percent(q.passRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        <Card title={t("course.distribution")}>
          <AnalyticsChart
            kind="bar"
            testId="distribution-chart"
            title={t("course.distribution")}
            categories={dashboard.distribution.map((bin) => `${bin.from}–${bin.to}`)}
            series={[{ name: t("chart.count"), data: dashboard.distribution.map((bin) => bin.count) }]}
            height={220}
          />
        </Card>
      </div>

      <Card title={t("course.gradebook")} actions={<ExportLinks table="course-gradebook" params={params} />}>
        {dashboard.gradebook.items.length === 0 ? (
          <p className="text-sm text-slate-500">{t("course.noItems")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="gradebook-summary">
              <thead className="text-slate-600">
                <tr>
                  <th className={head}>{tc("assessmentItem")}</th>
                  <th className={`${head} text-right`}>{tc("weight")}</th>
                  <th className={`${head} text-right`}>{tc("gradedWork")}</th>
                  <th className={`${head} text-right`}>{tc("gradedStudents")}</th>
                  <th className={`${head} text-right`}>{tc("average")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {dashboard.gradebook.items.map((item) => (
                  <tr key={item.assessmentItemId}>
                    <td className="px-2 py-2">{item.name}</td>
                    <td className={num}>{item.weight}</td>
                    <td className={num}>{item.quizzes + item.homework + item.peerReviews}</td>
                    <td className={num}>{item.students}</td>
                    <td className={num}>{decimal(item.average)}</td>
                  </tr>
                ))}
                <tr className="font-medium" data-testid="gradebook-summary-total">
                  <td className="px-2 py-2">{tc("courseTotal")}</td>
                  <td className={num} />
                  <td className={num} />
                  <td className={num}>{dashboard.gradebook.total.students}</td>
                  <td className={num}>{decimal(dashboard.gradebook.total.average)}</td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </Card>

      <section>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("course.atRisk")}</h2>
          <ExportLinks table="at-risk" params={params} />
        </div>
        {atRisk.rows.length === 0 ? (
          <p className="text-sm text-slate-500">{t("atRisk.none")}</p>
        ) : (
          <AtRiskTable rows={atRisk.rows} studentHref={studentHref} showCourse={false} />
        )}
      </section>
    </div>
  );
}
