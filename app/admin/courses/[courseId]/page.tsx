import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/admin/action-button";
import { CourseForm } from "@/components/admin/course-form";
import { CourseTeacherAssignForm } from "@/components/admin/course-teacher-assign-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { changeCourseTeacherRoleAction, removeCourseTeacherAction, setCourseArchivedAction } from "@/lib/admin/actions";
import { getAdminCourse, listDepartments, listStaffCandidates } from "@/lib/admin/queries";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";
import { adminEvaluationsPath } from "@/lib/evaluation/paths";
import { orHttpError } from "@/lib/page-errors";

interface Props {
  params: Promise<{ courseId: string }>;
}

// Metadata and page share one lookup per request.
const loadCourse = cache(async (courseId: string) => getAdminCourse(await requirePortal("admin"), courseId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const course = await loadCourse((await params).courseId).catch(() => null);
  return { title: course?.title };
}

export default async function AdminCoursePage({ params }: Props) {
  const { courseId } = await params;
  const actor = await requirePortal("admin");
  const course = await orHttpError(loadCourse(courseId));
  const manages = canGlobal(actor, "admin.courses");
  const [t, tc, departments, candidates] = await Promise.all([
    getTranslations("admin"),
    getTranslations("common"),
    manages ? listDepartments(actor) : [],
    manages ? listStaffCandidates(actor) : [],
  ]);
  const memberIds = new Set([...course.teachers, ...course.students].map((m) => m.user.id));
  const th = "px-3 py-2 font-medium";
  const td = "px-3 py-2";
  return (
    <ClientMessages namespaces={["admin"]}>
      <Link href="/admin/courses" className="mb-3 inline-block text-sm text-brand-700">
        ← {t("courses.back")}
      </Link>
      <PageHeader
        title={
          <>
            {course.title} {course.archived && <Badge>{t("courses.archived")}</Badge>}
          </>
        }
        subtitle={`${course.code} · ${course.term} · ${course.department.name}`}
        actions={
          <Link href={`${adminEvaluationsPath}?courseId=${course.id}`} className={buttonClass("secondary")} data-testid="course-evaluations">
            {t("courses.evaluations")}
          </Link>
        }
      />
      {!manages && (
        <p className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" role="note">
          {t("courses.readOnly")}
        </p>
      )}
      <div className="space-y-4">
        {manages && (
          <Card
            title={t("courses.infoTitle")}
            actions={
              <ActionButton
                action={setCourseArchivedAction}
                fields={{ courseId: course.id, archived: String(!course.archived) }}
                label={course.archived ? t("courses.unarchive") : t("courses.archive")}
                confirm={!course.archived}
                testId="course-archive"
              />
            }
          >
            <CourseForm
              departments={departments}
              course={{ id: course.id, code: course.code, title: course.title, titleEn: course.titleEn, term: course.term, departmentId: course.department.id }}
            />
            <p className="mt-2 text-xs text-slate-500">{t("courses.archiveHint")}</p>
          </Card>
        )}

        <Card title={t("courseTeachers.title")}>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm" data-testid="course-teachers">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className={th}>{t("courseTeachers.no")}</th>
                  <th className={th}>{t("courseTeachers.name")}</th>
                  <th className={th}>{t("courseTeachers.department")}</th>
                  <th className={th}>{t("courseTeachers.role")}</th>
                  {manages && (
                    <th className={th}>
                      <span className="sr-only">{tc("actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {course.teachers.length === 0 && (
                  <tr>
                    <td colSpan={5} className={`${td} text-slate-500`}>
                      {t("courseTeachers.empty")}
                    </td>
                  </tr>
                )}
                {course.teachers.map((m) => (
                  <tr key={m.user.id} className="align-top">
                    <td className={`${td} font-mono`}>{m.user.no}</td>
                    <td className={td}>
                      {m.user.name} {m.user.disabled && <Badge tone="red">{t("courseTeachers.disabled")}</Badge>}
                    </td>
                    <td className={td}>{m.user.department?.name ?? "—"}</td>
                    <td className={td}>
                      <Badge tone={m.role === "TEACHER" ? "blue" : "slate"}>{tc(`courseRole.${m.role}`)}</Badge>
                    </td>
                    {manages && (
                      <td className={td}>
                        <div className="flex flex-wrap gap-2">
                          <ActionButton
                            action={changeCourseTeacherRoleAction}
                            fields={{ courseId: course.id, userId: m.user.id, role: m.role === "TEACHER" ? "ASSISTANT" : "TEACHER" }}
                            label={m.role === "TEACHER" ? t("courseTeachers.makeAssistant") : t("courseTeachers.makeTeacher")}
                            variant="ghost"
                          />
                          <ActionButton
                            action={removeCourseTeacherAction}
                            fields={{ courseId: course.id, userId: m.user.id }}
                            label={t("courseTeachers.remove")}
                            variant="danger"
                            confirm
                          />
                        </div>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {manages && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <h3 className="mb-2 text-sm font-semibold">{t("courseTeachers.assignTitle")}</h3>
              <CourseTeacherAssignForm courseId={course.id} candidates={candidates.filter((u) => !memberIds.has(u.id))} />
            </div>
          )}
        </Card>

        <Card title={t("roster.title", { count: course.students.length })}>
          <div className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-left text-sm" data-testid="course-roster">
              <thead className="bg-slate-50 text-slate-600">
                <tr>
                  <th className={th}>{t("roster.no")}</th>
                  <th className={th}>{t("roster.name")}</th>
                  <th className={th}>{t("roster.class")}</th>
                  <th className={th}>{t("roster.group")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {course.students.length === 0 && (
                  <tr>
                    <td colSpan={4} className={`${td} text-slate-500`}>
                      {t("roster.empty")}
                    </td>
                  </tr>
                )}
                {course.students.map((m) => (
                  <tr key={m.user.id}>
                    <td className={`${td} font-mono`}>{m.user.no}</td>
                    <td className={td}>{m.user.name}</td>
                    <td className={td}>{m.user.class?.name ?? "—"}</td>
                    <td className={td}>{m.group?.name ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
