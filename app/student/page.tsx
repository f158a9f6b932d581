import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { TermLabel } from "@/components/schedule/term-label";
import { TodayLessons } from "@/components/schedule/today-lessons";
import { PageHeader } from "@/components/ui/page-header";
import { requirePortal } from "@/lib/auth/session";
import { listMyCourses, listTodayLessons } from "@/lib/course/queries";
import { mistakeSummaryFor } from "@/lib/mistakes/mistake-summary";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("student.home"))("title") };
}

export default async function StudentHome() {
  const actor = await requirePortal("student");
  const [t, tMistakes, tProgress, courses, today, mistakes] = await Promise.all([
    getTranslations("student.home"),
    getTranslations("coursework.mistakes"),
    getTranslations("student.progress"),
    listMyCourses(actor),
    listTodayLessons(actor),
    mistakeSummaryFor(actor),
  ]);
  return (
    <>
      <TodayLessons lessons={today} lessonHref={(id) => `/student/lessons/${id}`} />
      {mistakes.total > 0 && (
        <Link
          href="/student/mistakes"
          data-testid="mistakes-due"
          data-due={mistakes.dueToday}
          className="mb-4 flex items-center justify-between rounded-xl border border-amber-200 bg-amber-50 p-4 shadow-sm"
        >
          <span className="font-medium text-amber-900">{tMistakes("title")}</span>
          <span className="text-sm text-amber-900">
            {mistakes.dueToday > 0 ? tMistakes("due", { count: mistakes.dueToday }) : tMistakes("none")} · {tMistakes("total", { count: mistakes.total })}
          </span>
        </Link>
      )}
      <PageHeader title={t("title")} />
      {courses.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noCourses")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {courses.map((course) => (
            <li key={course.id}>
              <Link
                href={`/student/courses/${course.id}`}
                data-testid="course-card"
                className="block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-500"
              >
                <p className="text-xs text-slate-500">
                  {course.code} · <TermLabel term={course.term} />
                </p>
                <h2 className="mt-1 text-base font-semibold">{course.title}</h2>
                <p className="mt-1 line-clamp-2 text-sm text-slate-600">{course.description}</p>
                <p className="mt-2 text-xs text-slate-500">
                  {t("teachers", { names: course.members.map((m) => m.user.name).join("、") || "—" })} ·{" "}
                  {t("lessons", { count: course._count.lessons })}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link
        href="/student/progress"
        data-testid="progress-link"
        className="mt-4 flex items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-brand-500"
      >
        <span>
          <span className="block font-medium">{tProgress("homeTitle")}</span>
          <span className="mt-0.5 block text-sm text-slate-600">{tProgress("homeText")}</span>
        </span>
        <span aria-hidden className="text-brand-700">→</span>
      </Link>
    </>
  );
}
