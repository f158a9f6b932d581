"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { submitEvaluationAction } from "@/lib/evaluation/actions";
import { EVALUATION_LIMITS, type EvaluationItem, ratingFieldOf } from "@/lib/evaluation/schemas";

const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * The student's 评教: a 1–5 radio group per item (whole cells are tap targets, as in the pre-class form) and an
 * optional comment. Sent once; the page then shows the thank-you state.
 */
export function EvaluationAnswerForm({ evaluationId, items }: { evaluationId: string; items: EvaluationItem[] }) {
  const t = useTranslations("evaluation");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(submitEvaluationAction);
  const missing = new Set(state && !state.ok && Array.isArray(state.details?.missing) ? (state.details.missing as string[]) : []);

  if (state?.ok) {
    return (
      <p data-testid="evaluation-submitted" role="status" className="rounded-lg bg-emerald-50 px-3 py-4 text-center text-emerald-800">
        {t("student.submitted")}
      </p>
    );
  }
  return (
    <form data-testid="evaluation-answer-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="evaluationId" value={evaluationId} />
      {items.map((item, index) => (
        <fieldset
          key={item.id}
          data-testid={`evaluation-item-${index}`}
          aria-invalid={missing.has(item.id)}
          className={`space-y-2 rounded-lg border p-3 ${missing.has(item.id) ? "border-red-400 bg-red-50/50" : "border-slate-200"}`}
        >
          <legend className="px-1 text-sm font-medium text-slate-800">
            {index + 1}. {item.text}
          </legend>
          <div className="grid grid-cols-5 gap-1.5">
            {LEVELS.map((level) => (
              <label key={level} data-testid={`evaluation-rating-${index}-${level}`} className="cursor-pointer">
                <input type="radio" name={ratingFieldOf(item.id)} value={level} className="peer sr-only" />
                <span className="flex min-h-14 flex-col items-center justify-center rounded-lg border border-slate-300 bg-white px-0.5 py-1 text-center peer-checked:border-brand-600 peer-checked:bg-brand-600 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-300">
                  <span className="text-lg font-semibold leading-none">{level}</span>
                  <span className="mt-1 text-[11px] leading-tight">{t(`scale.${level}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {missing.size > 0 && <p className="text-sm text-red-600">{t("student.rateAll")}</p>}
      <TextArea
        label={t("student.comment")}
        name="comment"
        data-testid="evaluation-comment"
        rows={4}
        maxLength={EVALUATION_LIMITS.comment}
        placeholder={t("student.commentPlaceholder")}
        errors={fieldErrors?.comment}
      />
      <div className="space-y-2">
        <FormAlert state={state} />
        <Button
          type="submit"
          data-testid="evaluation-submit"
          disabled={pending}
          className="min-h-12 w-full text-base"
        >
          {t("student.submit")}
        </Button>
      </div>
    </form>
  );
}
