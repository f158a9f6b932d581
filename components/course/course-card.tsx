import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { listMyCourses } from "@/lib/course/queries";
import { localized } from "./localized";

type MyCourse = Awaited<ReturnType<typeof listMyCourses>>[number];

/** One course on a home page: title, code, term, department and how many students and lessons it has. */
export async function CourseCard({ course, href }: { course: MyCourse; href: string }) {
  const t = await getTranslations("course.card");
  const locale = await getLocale();
  return (
    <Link
      href={href}
      data-testid="course-card"
      className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-brand-500"
    >
      <h3 className="font-semibold text-slate-900">{localized(locale, course.title, course.titleEn)}</h3>
      <p className="mt-1 text-sm text-slate-600">
        <span className="font-mono">{course.code}</span> · {course.term}
      </p>
      <p className="mt-1 text-sm text-slate-600">{localized(locale, course.department.name, course.department.nameEn)}</p>
      <p className="mt-3 flex gap-3 text-sm text-slate-700">
        <span>{t("students", { count: course._count.members })}</span>
        <span>{t("lessons", { count: course._count.lessons })}</span>
      </p>
    </Link>
  );
}
