import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLogView, auditOutcome } from "@/components/audit/audit-log-view";
import { SectionHeader } from "@/components/course/section-header";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { GRADE_ACTIONS } from "@/lib/audit/audit-actions";
import { listCourseAuditLog } from "@/lib/audit/list-audit";
import { requirePortal } from "@/lib/auth/session";
import { teacherCoursePath } from "@/lib/course/paths";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("courseTitle") };
}

/** 变更记录 (grades.manage): every change to a grade or deadline in the course, read-only. */
export default async function CourseAuditPage({ params, searchParams }: { params: Promise<{ courseId: string }>; searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("teacher");
  const [{ courseId }, values] = await Promise.all([params, searchParams.then(firstValues)]);
  const [outcome, t] = await Promise.all([auditOutcome(listCourseAuditLog(actor, courseId, values)), getTranslations("audit")]);
  return (
    <>
      <SectionHeader title={t("courseTitle")} />
      <p className="mb-4 text-sm text-slate-600">{t("courseIntro")}</p>
      <AuditLogView path={`${teacherCoursePath(courseId)}/audit`} values={values} outcome={outcome} actions={GRADE_ACTIONS} showCourse={false} />
    </>
  );
}
