"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { answerStageAction } from "@/lib/preclass/actions";
import { PRECLASS_LIMITS } from "@/lib/preclass/schemas";

/** A student's answer to one stage's question; saving it reveals the next stage (the page re-renders from the server). */
export function StageAnswerForm({ stageId, question, answer }: { stageId: string; question: string; answer: string | null }) {
  const t = useTranslations("preclass.student");
  const tAll = useTranslations();
  const id = useId();
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(answerStageAction);
  const errors = fieldErrors?.answer;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="stageId" value={stageId} />
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        <span className="mr-1 text-brand-700">{t("question")}</span>
        {question}
      </label>
      <textarea
        id={id}
        name="answer"
        data-testid="stage-answer-input"
        className={inputClass}
        rows={4}
        maxLength={PRECLASS_LIMITS.answer}
        defaultValue={answer ?? ""}
        placeholder={t("yourAnswer")}
        aria-invalid={!!errors}
        aria-describedby={errors ? `${id}-error` : undefined}
      />
      {errors && (
        <p id={`${id}-error`} className="text-sm text-red-600">
          {errors.map((key) => tAll(key as never)).join(" ")}
        </p>
      )}
      <FormAlert state={state} success={t("saved")} />
      <Button type="submit" data-testid="stage-answer-submit" disabled={pending} className="min-h-11 w-full">
        {answer === null ? t("answer") : t("updateAnswer")}
      </Button>
    </form>
  );
}
