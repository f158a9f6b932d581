"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { markAnswerAction } from "@/lib/quiz/actions";
import { QUIZ_LIMITS } from "@/lib/quiz/schemas";

/** A score (0 – the question's points, halves allowed) and an optional comment for one short answer. */
export function MarkingForm({ attemptQuestionId, points }: { attemptQuestionId: string; points: number }) {
  const t = useTranslations("quiz.marking");
  const tAll = useTranslations();
  const id = useId();
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(markAnswerAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-2" data-testid="marking-form">
      <input type="hidden" name="attemptQuestionId" value={attemptQuestionId} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-score`} className="text-sm font-medium">
          {t("score")}
        </label>
        <input
          id={`${id}-score`}
          name="score"
          type="number"
          min={0}
          max={points}
          step={0.5}
          inputMode="decimal"
          required
          className={`${inputClass} w-24`}
          aria-invalid={!!fieldErrors?.score}
          data-testid="marking-score"
        />
        <span className="text-sm text-slate-600">/ {points}</span>
      </div>
      {fieldErrors?.score && <p className="text-sm text-red-600">{fieldErrors.score.map((key) => tAll(key as never)).join(" ")}</p>}
      <textarea name="feedback" rows={2} maxLength={QUIZ_LIMITS.feedback} placeholder={t("feedback")} aria-label={t("feedback")} className={inputClass} />
      <FormAlert state={state} success={t("marked")} />
      <Button type="submit" disabled={pending || !!state?.ok} data-testid="marking-save">
        {t("save")}
      </Button>
    </form>
  );
}
