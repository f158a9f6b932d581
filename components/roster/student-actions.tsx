"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { removeStudentAction, setStudentClassAction, setStudentGroupAction } from "@/lib/roster/actions";
import { ROSTER_LIMITS } from "@/lib/roster/schemas";
import type { RosterGroupOption, RosterStudentRow } from "./types";

/** The datalist the class fields suggest from; rendered once per page. */
export const CLASS_OPTIONS_ID = "roster-class-options";

/** Per-student changes, folded away so that the table stays readable on a phone. */
export function StudentActions({ courseId, student, groups }: { courseId: string; student: RosterStudentRow; groups: RosterGroupOption[] }) {
  const t = useTranslations("roster");
  return (
    <details className="group/actions">
      <summary className={buttonClass("secondary", "cursor-pointer list-none px-3 py-1 min-h-8")} data-testid="roster-student-manage">
        {t("table.manage")}
        <span className="sr-only"> {student.name}</span>
      </summary>
      <div className="mt-2 w-full max-w-xs space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:w-72">
        <GroupForm courseId={courseId} student={student} groups={groups} />
        <ClassForm courseId={courseId} student={student} />
        <RemoveForm courseId={courseId} student={student} />
      </div>
    </details>
  );
}

function GroupForm({ courseId, student, groups }: { courseId: string; student: RosterStudentRow; groups: RosterGroupOption[] }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(setStudentGroupAction, null);
  if (groups.length === 0) return null;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="userId" value={student.userId} />
      <Select label={t("student.group")} name="groupId" defaultValue={student.groupId ?? ""}>
        <option value="">{t("table.noGroup")}</option>
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </Select>
      <FormAlert state={state} success={t("student.saved")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("student.saveGroup")}
      </Button>
    </form>
  );
}

function ClassForm({ courseId, student }: { courseId: string; student: RosterStudentRow }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(setStudentClassAction, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-2" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="userId" value={student.userId} />
      <TextInput
        label={t("student.class")}
        name="className"
        defaultValue={student.className ?? ""}
        list={CLASS_OPTIONS_ID}
        maxLength={ROSTER_LIMITS.classMax}
        hint={t("student.classHint")}
        errors={fieldErrors?.className}
      />
      <FormAlert state={state} success={t("student.saved")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("student.saveClass")}
      </Button>
    </form>
  );
}

function RemoveForm({ courseId, student }: { courseId: string; student: RosterStudentRow }) {
  const t = useTranslations("roster");
  const [state, action, pending] = useActionState(removeStudentAction, null);
  return (
    <form action={action} className="space-y-2 border-t border-slate-200 pt-3">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="userId" value={student.userId} />
      <p className="text-xs text-slate-600">{t("student.removeHint")}</p>
      <FormAlert state={state} />
      <Button type="submit" variant="danger" disabled={pending} data-testid="roster-student-remove">
        {t("student.remove")}
      </Button>
    </form>
  );
}
