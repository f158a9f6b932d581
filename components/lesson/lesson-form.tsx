"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClass } from "@/components/ui/button";
import { TextArea, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { type ListItem, TextListEditor } from "@/components/course/text-list-editor";
import { useFormAction } from "@/components/ui/use-form-action";
import { createLessonAction, updateLessonAction } from "@/lib/lesson/actions";
import { LESSON_LIMITS } from "@/lib/lesson/schemas";

export interface LessonFormValues {
  title: string;
  /** Asia/Shanghai, YYYY-MM-DD */
  date: string;
  /** Asia/Shanghai, HH:mm */
  startTime: string;
  endTime: string;
  room: string;
  summary: string;
  objectives: ListItem[];
}

/** Creates a lesson, or edits one when `lessonId` is given; a successful save returns to the lesson list. */
export function LessonForm({ courseId, lessonId, initial, cancelHref }: {
  courseId: string;
  lessonId?: string;
  initial: LessonFormValues;
  cancelHref: string;
}) {
  const t = useTranslations("lesson.form");
  const tc = useTranslations("common");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(lessonId ? updateLessonAction : createLessonAction);

  return (
    <form data-testid="lesson-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="courseId" value={courseId} />
      {lessonId && <input type="hidden" name="lessonId" value={lessonId} />}
      <TextInput
        label={t("title")}
        name="title"
        required
        maxLength={LESSON_LIMITS.title}
        defaultValue={initial.title}
        errors={fieldErrors?.title}
      />
      <div className="space-y-1">
        <div className="grid gap-3 sm:grid-cols-3">
          <TextInput label={t("date")} name="date" type="date" required defaultValue={initial.date} errors={fieldErrors?.date} />
          <TextInput
            label={t("startTime")}
            name="startTime"
            type="time"
            required
            defaultValue={initial.startTime}
            errors={fieldErrors?.startTime}
          />
          <TextInput label={t("endTime")} name="endTime" type="time" required defaultValue={initial.endTime} errors={fieldErrors?.endTime} />
        </div>
        <p className="text-xs text-slate-500">{t("timeHint")}</p>
      </div>
      <TextInput label={t("room")} name="room" maxLength={LESSON_LIMITS.room} defaultValue={initial.room} errors={fieldErrors?.room} />
      <TextArea
        label={t("summary")}
        name="summary"
        rows={4}
        maxLength={LESSON_LIMITS.summary}
        defaultValue={initial.summary}
        errors={fieldErrors?.summary}
      />
      <TextListEditor
        name="objectives"
        testId="lesson-objectives-editor"
        initial={initial.objectives}
        postIds
        max={LESSON_LIMITS.objectives}
        maxLength={LESSON_LIMITS.objective}
        errors={fieldErrors}
        labels={{
          legend: t("objectives"),
          hint: t("objectivesHint"),
          item: (n) => t("objective", { n }),
          add: t("addObjective"),
          empty: t("noObjectives"),
        }}
      />
      <FormAlert state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {lessonId ? t("save") : t("create")}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
