"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { assignCourseTeacherAction } from "@/lib/admin/actions";
import { useFormAction } from "@/components/ui/use-form-action";

export interface StaffCandidate {
  id: string;
  no: string;
  name: string;
  department: { name: string } | null;
}

export function CourseTeacherAssignForm({ courseId, candidates }: { courseId: string; candidates: StaffCandidate[] }) {
  const t = useTranslations();
  const { state, pending, fieldErrors, formProps } = useFormAction(assignCourseTeacherAction, { resetOnSuccess: true });
  if (candidates.length === 0) return <p className="text-sm text-slate-500">{t("admin.courseTeachers.noCandidates")}</p>;
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start" data-testid="course-teacher-assign-form">
      <input type="hidden" name="courseId" value={courseId} />
      <Select label={t("admin.courseTeachers.user")} name="userId" defaultValue="" required errors={fieldErrors?.userId}>
        <option value="" disabled>
          {t("admin.courseTeachers.chooseUser")}
        </option>
        {candidates.map((u) => (
          <option key={u.id} value={u.id}>
            {[u.name, u.no, u.department?.name].filter(Boolean).join(" · ")}
          </option>
        ))}
      </Select>
      <Select label={t("admin.courseTeachers.role")} name="role" defaultValue="TEACHER" errors={fieldErrors?.role}>
        <option value="TEACHER">{t("common.courseRole.TEACHER")}</option>
        <option value="ASSISTANT">{t("common.courseRole.ASSISTANT")}</option>
      </Select>
      <Button type="submit" disabled={pending} className="sm:mt-6">
        {t("admin.courseTeachers.assign")}
      </Button>
      <div className="sm:col-span-3">
        <FormAlert state={state} success={t("admin.courseTeachers.assigned")} />
      </div>
    </form>
  );
}
