"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Select, TextArea, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { createThreadAction } from "@/lib/threads/actions";
import { THREAD_LIMITS } from "@/lib/threads/schemas";
import type { WritingContext } from "@/lib/threads/writing-context";

/**
 * Opens a thread in a course, optionally about a lesson or its case. Students may keep it to their own group;
 * staff choose a group.
 */
export function ThreadForm({
  context,
  lessonId,
  caseId,
}: {
  context: Pick<WritingContext, "courseId" | "isStaff" | "myGroup" | "groups">;
  lessonId?: string;
  caseId?: string | null;
}) {
  const t = useTranslations("threads");
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(createThreadAction, { resetOnSuccess: true });
  const [scope, setScope] = useState<"COURSE" | "GROUP">("COURSE");
  const canGroup = context.isStaff ? context.groups.length > 0 : !!context.myGroup;
  return (
    // A published thread empties the form; the scope (and the group picker it shows) must go back with it.
    <form {...formProps} action={formAction} onReset={() => setScope("COURSE")} className="space-y-3" data-testid="thread-form">
      <input type="hidden" name="courseId" value={context.courseId} />
      {lessonId && <input type="hidden" name="lessonId" value={lessonId} />}
      {caseId && (
        <Select label={t("form.about")} name="caseId" defaultValue="">
          <option value="">{t("form.aboutLesson")}</option>
          <option value={caseId}>{t("form.aboutCase")}</option>
        </Select>
      )}
      <TextInput
        label={t("form.title")}
        name="title"
        required
        maxLength={THREAD_LIMITS.title}
        errors={fieldErrors?.title}
        data-testid="thread-title"
      />
      <TextArea
        label={t("form.body")}
        name="body"
        required
        rows={5}
        maxLength={THREAD_LIMITS.body}
        hint={t("form.bodyHint")}
        errors={fieldErrors?.body}
        data-testid="thread-body"
      />
      {canGroup && (
        <Select
          label={t("form.scope")}
          name="scope"
          value={scope}
          onChange={(event) => setScope(event.target.value === "GROUP" ? "GROUP" : "COURSE")}
          data-testid="thread-scope"
        >
          <option value="COURSE">{t("form.scopeCourse")}</option>
          <option value="GROUP">
            {context.isStaff ? t("form.scopeGroupStaff") : t("form.scopeGroup", { group: context.myGroup?.name ?? "" })}
          </option>
        </Select>
      )}
      {context.isStaff && scope === "GROUP" && (
        <Select label={t("form.group")} name="groupId" defaultValue="" required errors={fieldErrors?.groupId} data-testid="thread-group">
          <option value="" disabled>
            {t("form.chooseGroup")}
          </option>
          {context.groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </Select>
      )}
      <FormAlert state={state} success={t("form.created")} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="thread-submit">
        {t("form.submit")}
      </Button>
    </form>
  );
}
