import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import type { StudentAnalytics } from "@/lib/analytics/student-analytics";
import { type CourseMeasureColumn, CourseMeasuresTable } from "./course-measures-table";
import { ExportLinks } from "./export-links";
import { percent } from "./format";

/** The student's own view (我的学习) links to where they can act on it; staff have no such pages. */
export interface StudyLinks {
  mistakeBook: string;
  review: (courseId: string) => string;
  practiseWeak: (courseId: string) => string;
}

/** 学生画像: measures per course, strengths and weaknesses by tag, the mistake book and the timeline. */
export async function StudentProfile({ view, courseHref, studyLinks, omitCourseColumns }: {
  view: StudentAnalytics;
  courseHref?: (courseId: string) => string;
  studyLinks?: StudyLinks;
  /** Course-table columns left out, as on the student's own page. */
  omitCourseColumns?: readonly CourseMeasureColumn[];
}) {
  const [t, tk, ta, tv, format] = await Promise.all([
    getTranslations("analytics.ui.student"),
    getTranslations("analytics.kinds"),
    getTranslations("analytics.attendance"),
    getTranslations("analytics.timelineValue"),
    getFormatter(),
  ]);
  const params = { studentId: view.student.id };
  // In the order of the courses table (the backlog comes in no particular order).
  const position = new Map(view.courses.map((course, index) => [course.courseId, index]));
  const openByCourse = view.mistakes.byCourse
    .filter((row) => row.open > 0)
    .sort((a, b) => (position.get(a.courseId) ?? 0) - (position.get(b.courseId) ?? 0));
  const tagList = (tags: StudentAnalytics["strengths"], testId: string) => (
    <ul className="space-y-1 text-sm" data-testid={testId}>
      {tags.map((tag) => (
        <li key={tag.tag}>{t("tagLine", { tag: tag.tag, percent: percent(tag.mean), answered: tag.answered })}</li>
      ))}
    </ul>
  );
  const result = (item: StudentAnalytics["timeline"][number]) => {
    if (item.kind === "attendance" && item.status) return ta(item.status as "PRESENT" | "LATE" | "ABSENT");
    if (item.kind === "quiz" && item.value !== null) return tv("quiz", { value: item.value });
    if (item.kind === "peer" && item.value !== null) return tv("peer", { value: item.value });
    if (item.kind === "homework" && item.value !== null) return item.value > 0 ? tv("homeworkLate", { minutes: item.value }) : tv("homeworkOnTime");
    return "";
  };
  return (
    <div className="space-y-4" data-testid="student-profile">
      <section>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("courses")}</h2>
          <ExportLinks table="student-courses" params={params} />
        </div>
        {view.courses.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noCourses")}</p>
        ) : (
          <CourseMeasuresTable rows={view.courses} hrefOf={courseHref} omit={omitCourseColumns} testId="student-courses" />
        )}
      </section>
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title={t("strengths")}>{view.strengths.length ? tagList(view.strengths, "student-strengths") : <p className="text-sm text-slate-500">{t("noTags")}</p>}</Card>
        <Card title={t("weaknesses")}>
          {view.weaknesses.length ? tagList(view.weaknesses, "student-weaknesses") : <p className="text-sm text-slate-500">{t("noTags")}</p>}
          {studyLinks && view.weaknesses.length > 0 && (
            // The tags here span courses; the mistake book has each course's weak tags, each opening practice on it.
            <Link href={studyLinks.mistakeBook} data-testid="student-weaknesses-practise" className="mt-2 inline-block text-sm text-brand-700">
              {t("practiseWeaknesses")} →
            </Link>
          )}
        </Card>
        <Card
          title={t("mistakes")}
          actions={
            studyLinks && (
              <Link href={studyLinks.mistakeBook} data-testid="student-mistake-book" className="text-sm text-brand-700">
                {t("openMistakeBook")} →
              </Link>
            )
          }
        >
          <p className="text-sm" data-testid="student-mistakes">
            {t("mistakeLine", { open: view.mistakes.open, due: view.mistakes.due, mastered: view.mistakes.mastered })}
          </p>
          {openByCourse.length > 0 && (
            <ul className="mt-2 divide-y divide-slate-100 text-sm">
              {openByCourse.map((row) => (
                <li key={row.courseId} data-testid="student-mistakes-course" className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-1.5">
                  <span>{t("mistakeCourseLine", { course: row.title, open: row.open, due: row.due })}</span>
                  {studyLinks && (
                    <span className="flex gap-3">
                      {row.due > 0 && (
                        <Link href={studyLinks.review(row.courseId)} className="text-brand-700">
                          {t("review")}
                        </Link>
                      )}
                      <Link href={studyLinks.practiseWeak(row.courseId)} className="text-brand-700">
                        {t("practise")}
                      </Link>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card title={t("timeline")} actions={<ExportLinks table="student-timeline" params={params} />}>
        {view.timeline.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noTimeline")}</p>
        ) : (
          <ol className="divide-y divide-slate-100 text-sm" data-testid="student-timeline">
            {view.timeline.map((item, index) => (
              <li key={index} className="grid grid-cols-[5.5rem_1fr] gap-2 py-2 sm:grid-cols-[7rem_8rem_1fr_8rem]">
                <span className="tabular-nums text-slate-500">{format.dateTime(item.at, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}</span>
                <span className="text-slate-600">{tk(item.kind)}</span>
                <span className="col-span-2 sm:col-span-1">
                  {item.title}
                  <span className="block text-xs text-slate-500">{item.courseTitle}</span>
                </span>
                <span className="col-span-2 text-slate-700 sm:col-span-1 sm:text-right">{result(item)}</span>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </div>
  );
}
