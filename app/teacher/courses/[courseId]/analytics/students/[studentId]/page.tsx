import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { StudentProfile } from "@/components/analytics/student-profile";
import { SectionHeader } from "@/components/course/section-header";
import { getStudentAnalytics } from "@/lib/analytics/student-analytics";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.student"))("title") };
}

/** A student of the course, across the courses this teacher may see (their own teaching only). */
export default async function TeacherStudentAnalyticsPage({ params }: { params: Promise<{ courseId: string; studentId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId, studentId } = await params;
  const [t, view] = await Promise.all([getTranslations("analytics.ui.student"), orHttpError(getStudentAnalytics(actor, studentId))]);
  // The URL names the course: a student not in it is not found here.
  if (!view.courses.some((course) => course.courseId === courseId)) notFound();
  return (
    <>
      <SectionHeader title={`${t("title")}：${view.student.name}`} />
      <p className="-mt-3 mb-3 text-sm text-slate-600">{[view.student.no, view.student.className].filter(Boolean).join(" · ")}</p>
      <StudentProfile view={view} courseHref={(id) => `/teacher/courses/${id}/analytics`} />
    </>
  );
}
