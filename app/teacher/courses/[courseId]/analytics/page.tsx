import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CourseAnalytics } from "@/components/analytics/course-analytics";
import { SectionHeader } from "@/components/course/section-header";
import { ClientMessages } from "@/components/intl/client-messages";
import { getAtRiskStudents } from "@/lib/analytics/at-risk";
import { getCourseDashboard } from "@/lib/analytics/course-dashboard";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("analytics.ui.course"))("title") };
}

// The course layout above renders the course title and tabs.
export default async function TeacherCourseAnalyticsPage({ params }: { params: Promise<{ courseId: string }> }) {
  const actor = await requirePortal("teacher");
  const { courseId } = await params;
  const [t, dashboard, atRisk] = await Promise.all([
    getTranslations("analytics.ui"),
    orHttpError(getCourseDashboard(actor, courseId)),
    orHttpError(getAtRiskStudents(actor, { courseId })),
  ]);
  const base = `/teacher/courses/${courseId}/analytics`;
  return (
    <ClientMessages namespaces={["analytics"]}>
      <SectionHeader
        title={t("course.title")}
        actions={
          <Link href={`${base}/competencies`} className="text-sm text-brand-700 underline" data-testid="course-competencies-link">
            {t("competencies.title")}
          </Link>
        }
      />
      <CourseAnalytics
        dashboard={dashboard}
        atRisk={atRisk}
        quizHref={(quizId) => `${base}/quizzes/${quizId}`}
        studentHref={(row) => `${base}/students/${row.studentId}`}
      />
    </ClientMessages>
  );
}
