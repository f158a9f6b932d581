"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type ListItem, TextListEditor } from "@/components/course/text-list-editor";
import { Button, buttonClass } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { createEvaluationAction, updateEvaluationAction } from "@/lib/evaluation/actions";
import { EVALUATION_LIMITS } from "@/lib/evaluation/schemas";

export interface EvaluationFormInitial {
  title: string;
  items: ListItem[];
  /** datetime-local values, Asia/Shanghai */
  opensAt: string;
  closesAt: string;
}

type Target =
  | { mode: "create"; courseId: string; lessons: { id: string; label: string }[] }
  | { mode: "edit"; evaluationId: string; itemsLocked: boolean };

/**
 * Creates an evaluation (course or one lesson) or edits one. Once students have answered, the items are shown but
 * posted unchanged: the server refuses other items then.
 */
export function EvaluationForm({ target, initial, cancelHref }: { target: Target; initial: EvaluationFormInitial; cancelHref: string }) {
  const t = useTranslations("evaluation.form");
  const creating = target.mode === "create";
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(creating ? createEvaluationAction : updateEvaluationAction);
  const locked = target.mode === "edit" && target.itemsLocked;

  return (
    <form data-testid="evaluation-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      {target.mode === "create" ? (
        <input type="hidden" name="courseId" value={target.courseId} />
      ) : (
        <input type="hidden" name="evaluationId" value={target.evaluationId} />
      )}
      <TextInput
        label={t("title")}
        name="title"
        data-testid="evaluation-title"
        required
        maxLength={EVALUATION_LIMITS.title}
        defaultValue={initial.title}
        errors={fieldErrors?.title}
      />
      {target.mode === "create" && (
        <Select label={t("lesson")} name="lessonId" data-testid="evaluation-lesson" defaultValue="" errors={fieldErrors?.lessonId}>
          <option value="">{t("lessonNone")}</option>
          {target.lessons.map((lesson) => (
            <option key={lesson.id} value={lesson.id}>
              {lesson.label}
            </option>
          ))}
        </Select>
      )}
      {locked ? (
        <fieldset data-testid="evaluation-items-locked" className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("items")}</legend>
          <p className="text-xs text-amber-700">{t("itemsLocked")}</p>
          <input type="hidden" name="items" value={JSON.stringify(initial.items)} />
          <ol className="list-decimal space-y-1 pl-6 text-sm text-slate-700">
            {initial.items.map((item) => (
              <li key={item.id ?? item.text}>{item.text}</li>
            ))}
          </ol>
        </fieldset>
      ) : (
        <TextListEditor
          name="items"
          testId="evaluation-items-editor"
          initial={initial.items}
          postIds
          max={EVALUATION_LIMITS.items}
          maxLength={EVALUATION_LIMITS.itemText}
          errors={fieldErrors}
          labels={{ legend: t("items"), hint: t("itemsHint"), item: (n) => t("item", { n }), add: t("addItem"), empty: t("noItems") }}
        />
      )}
      <div className="space-y-1">
        <div className="grid gap-3 sm:grid-cols-2">
          <TextInput
            label={t("opensAt")}
            name="opensAt"
            type="datetime-local"
            data-testid="evaluation-opens"
            required
            defaultValue={initial.opensAt}
            errors={fieldErrors?.opensAt}
          />
          <TextInput
            label={t("closesAt")}
            name="closesAt"
            type="datetime-local"
            data-testid="evaluation-closes"
            required
            defaultValue={initial.closesAt}
            errors={fieldErrors?.closesAt}
          />
        </div>
        <p className="text-xs text-slate-500">{t("timeHint")}</p>
      </div>
      <FormAlert state={state} success={creating ? undefined : t("saved")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" data-testid="evaluation-save" disabled={pending}>
          {creating ? t("create") : t("save")}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
