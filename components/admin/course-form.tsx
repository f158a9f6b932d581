"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { createCourseAction, updateCourseAction } from "@/lib/admin/actions";
import { useFormAction } from "@/components/ui/use-form-action";

interface CourseFields {
  id: string;
  code: string;
  title: string;
  titleEn: string | null;
  term: string;
  departmentId: string;
}

/** Creates a course (then opens it) or, given `course`, edits its catalogue fields. */
export function CourseForm({ departments, course }: { departments: { id: string; name: string }[]; course?: CourseFields }) {
  const t = useTranslations("admin.courses");
  const { state, pending, fieldErrors, formProps } = useFormAction(course ? updateCourseAction : createCourseAction);
  return (
    <form {...formProps} className="grid gap-3 sm:grid-cols-2" data-testid={course ? "course-edit-form" : "course-create-form"}>
      {course && <input type="hidden" name="courseId" value={course.id} />}
      <TextInput label={t("code")} name="code" defaultValue={course?.code} required maxLength={32} autoComplete="off" hint={t("codeHint")} errors={fieldErrors?.code} />
      <TextInput
        label={t("term")}
        name="term"
        defaultValue={course?.term}
        required
        maxLength={11}
        placeholder="2026-2027-1"
        inputMode="numeric"
        hint={t("termHint")}
        errors={fieldErrors?.term}
      />
      <TextInput label={t("courseTitle")} name="title" defaultValue={course?.title} required maxLength={200} errors={fieldErrors?.title} />
      <TextInput label={t("titleEn")} name="titleEn" defaultValue={course?.titleEn ?? ""} maxLength={200} errors={fieldErrors?.titleEn} />
      <Select label={t("department")} name="departmentId" defaultValue={course?.departmentId ?? ""} required errors={fieldErrors?.departmentId}>
        <option value="" disabled>
          {t("chooseDepartment")}
        </option>
        {departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </Select>
      <div className="space-y-2 sm:col-span-2">
        <FormAlert state={state} success={t("saved")} />
        <Button type="submit" disabled={pending}>
          {course ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
