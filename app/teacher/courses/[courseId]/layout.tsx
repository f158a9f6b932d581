import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { CourseTabs } from "@/components/course/course-tabs";
import { localized } from "@/components/course/localized";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";
import { teacherCoursePath } from "@/lib/course/paths";
import { getCourseHeader } from "@/lib/course/queries";

export default async function TeacherCourseLayout({ children, params }: {
  children: ReactNode;
  params: Promise<{ courseId: string }>;
}) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const course = await orHttpError(getCourseHeader(actor, courseId));
  const t = await getTranslations("course.tabs");
  const locale = await getLocale();
  const tabs = [
    { href: teacherCoursePath(course.id), label: t("overview") },
    { href: teacherCoursePath(course.id, "intro"), label: t("intro") },
    { href: teacherCoursePath(course.id, "lessons"), label: t("lessons") },
    { href: teacherCoursePath(course.id, "threads"), label: t("threads") },
    ...(course.access.actions.has("roster.view") ? [{ href: teacherCoursePath(course.id, "roster"), label: t("roster") }] : []),
    ...(course.access.actions.has("coursework.manage") ? [{ href: teacherCoursePath(course.id, "bank"), label: t("bank") }] : []),
    ...(course.access.actions.has("grades.view")
      ? [
          { href: teacherCoursePath(course.id, "quizzes"), label: t("quizzes") },
          { href: teacherCoursePath(course.id, "homework"), label: t("homework") },
          { href: teacherCoursePath(course.id, "peer-reviews"), label: t("peerReviews") },
          { href: teacherCoursePath(course.id, "gradebook"), label: t("gradebook") },
          { href: teacherCoursePath(course.id, "analytics"), label: t("analytics") },
        ]
      : []),
    ...(course.access.actions.has("evaluation.view") ? [{ href: teacherCoursePath(course.id, "evaluations"), label: t("evaluations") }] : []),
    ...(course.access.actions.has("feedback.view") ? [{ href: teacherCoursePath(course.id, "pushes"), label: t("pushes") }] : []),
    ...(course.access.actions.has("grades.manage") ? [{ href: `${teacherCoursePath(course.id)}/audit`, label: t("audit") }] : []),
  ];
  return (
    <>
      <div className="mb-3">
        <h1 className="text-xl font-semibold sm:text-2xl">{localized(locale, course.title, course.titleEn)}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-mono">{course.code}</span> · {course.term} · {localized(locale, course.department.name, course.department.nameEn)}
        </p>
      </div>
      <CourseTabs tabs={tabs} label={t("label")} />
      {children}
    </>
  );
}
