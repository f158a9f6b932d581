import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StudentProfile } from "@/components/analytics/student-profile";
import { PageHeader } from "@/components/ui/page-header";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { getStudentAnalytics } from "@/lib/analytics/student-analytics";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.student"))("title") };
}

/** A student's profile, across the courses of the department (all courses for administrators). */
export default async function AdminStudentAnalyticsPage({ params, searchParams }: { params: Promise<{ studentId: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const [{ studentId }, query] = await Promise.all([params, searchParams.then(firstValues)]);
  const [t, view] = await Promise.all([getTranslations("analytics.ui.student"), orHttpError(getStudentAnalytics(actor, studentId, { term: query.term }))]);
  return (
    <>
      <PageHeader
        title={`${t("title")}：${view.student.name}`}
        subtitle={[view.student.no, view.student.className].filter(Boolean).join(" · ")}
      />
      <StudentProfile view={view} courseHref={(courseId) => `/admin/analytics/courses/${courseId}`} />
    </>
  );
}
