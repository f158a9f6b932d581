"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { createQuizAction, updateQuizAction } from "@/lib/quiz/actions";
import type { QuizFormOptions, QuizFormValues } from "@/lib/quiz/get-quiz-for-editor";
import { QUIZ_LIMITS, REVIEW_POLICIES, SCORING_RULES } from "@/lib/quiz/schemas";

/**
 * A quiz's settings: title and description, lesson and assessment item, window (Beijing time), time limit, attempts
 * and which counts, shuffling, when answers are shown, confidence-based marking and the pass mark.
 */
export function QuizSettingsForm({ courseId, quizId, values, options, hasAttempts }: {
  courseId: string;
  /** Absent: the form creates a quiz. */
  quizId?: string;
  values: QuizFormValues;
  options: Pick<QuizFormOptions, "lessons" | "assessments">;
  hasAttempts: boolean;
}) {
  const t = useTranslations("quiz.settings");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(quizId ? updateQuizAction : createQuizAction);
  const [description, setDescription] = useState(values.description ?? "");
  const checkbox = (name: "shuffleQuestions" | "shuffleOptions" | "confidenceMarking", disabled = false) => (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={!!values[name]} disabled={disabled} className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600" data-testid={`quiz-${name}`} />
      <span>
        {t(name)}
        <span className="block text-xs text-slate-500">{t(`${name}Hint`)}</span>
      </span>
    </label>
  );
  return (
    <Card title={t("title")}>
      <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4" data-testid="quiz-settings-form">
        {quizId ? <input type="hidden" name="quizId" value={quizId} /> : <input type="hidden" name="courseId" value={courseId} />}
        {/* A disabled checkbox posts nothing; keep the stored value. */}
        {hasAttempts && values.confidenceMarking && <input type="hidden" name="confidenceMarking" value="on" />}
        <TextInput label={t("name")} name="title" defaultValue={values.title} maxLength={QUIZ_LIMITS.title} required errors={fieldErrors?.title} data-testid="quiz-title" />
        <Field label={t("description")} errors={fieldErrors?.description}>
          {(a11y) => (
            <MarkdownEditor value={description} onChange={setDescription} name="description" maxLength={QUIZ_LIMITS.description} rows={4} a11y={a11y} testId="quiz-description" />
          )}
        </Field>
        <div className="grid gap-3 sm:grid-cols-2">
          <Select label={t("lesson")} name="lessonId" defaultValue={values.lessonId} errors={fieldErrors?.lessonId} data-testid="quiz-lesson">
            <option value="">{t("noLesson")}</option>
            {options.lessons.map((lesson) => (
              <option key={lesson.id} value={lesson.id}>
                {lesson.title}
              </option>
            ))}
          </Select>
          <Select label={t("assessment")} name="assessmentItemId" defaultValue={values.assessmentItemId} errors={fieldErrors?.assessmentItemId}>
            <option value="">{t("noAssessment")}</option>
            {options.assessments.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </Select>
          <TextInput label={t("opensAt")} name="opensAt" type="datetime-local" defaultValue={values.opensAt} errors={fieldErrors?.opensAt} hint={t("opensAtHint")} data-testid="quiz-opens" />
          <TextInput label={t("closesAt")} name="closesAt" type="datetime-local" defaultValue={values.closesAt} errors={fieldErrors?.closesAt} hint={t("closesAtHint")} data-testid="quiz-closes" />
          <TextInput
            label={t("timeLimit")}
            name="timeLimitMinutes"
            type="number"
            min={1}
            max={QUIZ_LIMITS.timeLimitMinutes}
            inputMode="numeric"
            defaultValue={values.timeLimitMinutes ?? ""}
            hint={t("timeLimitHint")}
            errors={fieldErrors?.timeLimitMinutes}
            data-testid="quiz-time-limit"
          />
          <TextInput
            label={t("attemptsAllowed")}
            name="attemptsAllowed"
            type="number"
            min={1}
            max={QUIZ_LIMITS.attemptsAllowed}
            inputMode="numeric"
            defaultValue={values.attemptsAllowed ?? 1}
            errors={fieldErrors?.attemptsAllowed}
            data-testid="quiz-attempts"
          />
          <Select label={t("scoring")} name="scoring" defaultValue={values.scoring} errors={fieldErrors?.scoring}>
            {SCORING_RULES.map((rule) => (
              <option key={rule} value={rule}>
                {t(`scoringRule.${rule}`)}
              </option>
            ))}
          </Select>
          <Select label={t("review")} name="review" defaultValue={values.review} errors={fieldErrors?.review} data-testid="quiz-review">
            {REVIEW_POLICIES.map((policy) => (
              <option key={policy} value={policy}>
                {t(`reviewPolicy.${policy}`)}
              </option>
            ))}
          </Select>
          <TextInput
            label={t("passPercent")}
            name="passPercent"
            type="number"
            min={0}
            max={100}
            inputMode="numeric"
            defaultValue={values.passPercent ?? 60}
            errors={fieldErrors?.passPercent}
          />
        </div>
        <div className="space-y-2">
          {checkbox("shuffleQuestions")}
          {checkbox("shuffleOptions")}
          {checkbox("confidenceMarking", hasAttempts)}
        </div>
        <FormAlert state={state} success={t("saved")} />
        <Button type="submit" disabled={pending} data-testid="quiz-settings-save" className="w-full sm:w-auto">
          {quizId ? t("save") : t("create")}
        </Button>
      </form>
    </Card>
  );
}
