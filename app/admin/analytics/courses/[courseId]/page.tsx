import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CourseAnalytics } from "@/components/analytics/course-analytics";
import { ClientMessages } from "@/components/intl/client-messages";
import { PageHeader } from "@/components/ui/page-header";
import { getAtRiskStudents } from "@/lib/analytics/at-risk";
import { getCourseDashboard } from "@/lib/analytics/course-dashboard";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.course"))("title") };
}

/** A department admin's drill-down into one course of the department. */
export default async function AdminCourseAnalyticsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("admin");
  const { courseId } = await params;
  const [t, dashboard, atRisk] = await Promise.all([
    getTranslations("analytics.ui.course"),
    orHttpError(getCourseDashboard(actor, courseId)),
    orHttpError(getAtRiskStudents(actor, { courseId })),
  ]);
  return (
    <ClientMessages namespaces={["analytics"]}>
      <PageHeader
        title={dashboard.course.title}
        subtitle={`${t("title")} · ${dashboard.course.code} · ${dashboard.course.term} · ${dashboard.course.departmentName}`}
      />
      <CourseAnalytics
        dashboard={dashboard}
        atRisk={atRisk}
        quizHref={(quizId) => `/admin/analytics/quizzes/${quizId}`}
        studentHref={(row) => `/admin/analytics/students/${row.studentId}`}
      />
    </ClientMessages>
  );
}
