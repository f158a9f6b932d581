"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitFeedbackAction } from "@/lib/preclass/actions";
import { PRECLASS_LIMITS, ratingFieldOf } from "@/lib/preclass/schemas";

const LEVELS = [1, 2, 3, 4, 5] as const;

export interface FeedbackFormInitial {
  ratings: Record<string, number>;
  unclear: string;
  questions: string;
}

/**
 * The pre-class feedback form: a 1–5 confidence radio group per objective (whole cells are tap targets), what is
 * still unclear, and questions for the teacher. Submitting again replaces the earlier answers.
 */
export function FeedbackForm({ lessonId, objectives, initial, status }: {
  lessonId: string;
  objectives: { id: string; text: string }[];
  initial: FeedbackFormInitial | null;
  /** Submitted or not, rendered by the page. */
  status: ReactNode;
}) {
  const t = useTranslations("preclass.feedback");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(submitFeedbackAction);
  const missing = new Set(state && !state.ok && Array.isArray(state.details?.missing) ? (state.details.missing as string[]) : []);

  return (
    <Card title={t("title")} actions={status}>
      <form data-testid="feedback-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
        <input type="hidden" name="lessonId" value={lessonId} />
        <p className="text-sm text-slate-600">{t("hint")}</p>
        {objectives.map((objective, index) => (
          <fieldset
            key={objective.id}
            data-testid={`confidence-group-${index}`}
            aria-invalid={missing.has(objective.id)}
            className={`space-y-2 rounded-lg border p-3 ${missing.has(objective.id) ? "border-red-400 bg-red-50/50" : "border-slate-200"}`}
          >
            <legend className="px-1 text-sm font-medium text-slate-800">
              {index + 1}. {objective.text}
            </legend>
            <div className="grid grid-cols-5 gap-1.5">
              {LEVELS.map((level) => (
                <label key={level} data-testid={`confidence-${index}-${level}`} className="cursor-pointer">
                  <input
                    type="radio"
                    name={ratingFieldOf(objective.id)}
                    value={level}
                    defaultChecked={initial?.ratings[objective.id] === level}
                    className="peer sr-only"
                  />
                  <span className="flex min-h-14 flex-col items-center justify-center rounded-lg border border-slate-300 bg-white px-0.5 py-1 text-center peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-300">
                    <span className="text-lg font-semibold leading-none">{level}</span>
                    <span className="mt-1 text-[11px] leading-tight">{t(`scale.${level}`)}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <TextArea
          label={t("unclear")}
          name="unclear"
          data-testid="feedback-unclear"
          rows={3}
          maxLength={PRECLASS_LIMITS.unclear}
          defaultValue={initial?.unclear ?? ""}
          placeholder={t("unclearPlaceholder")}
          errors={fieldErrors?.unclear}
        />
        <TextArea
          label={t("questions")}
          name="questions"
          data-testid="feedback-questions"
          rows={3}
          maxLength={PRECLASS_LIMITS.questions}
          defaultValue={initial?.questions ?? ""}
          placeholder={t("questionsPlaceholder")}
          errors={fieldErrors?.questions}
        />
        <div className="space-y-2">
          {state?.ok ? (
            <p data-testid="feedback-saved" role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              {t("saved")}
            </p>
          ) : (
            <FormAlert state={state} />
          )}
          <Button type="submit" data-testid="feedback-submit" disabled={pending} className="min-h-12 w-full text-base">
            {initial ? t("update") : t("submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
