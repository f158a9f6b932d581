"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, TextArea, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { gradeSubmissionAction } from "@/lib/homework/actions";
import { type LatePolicySettings, lateDeduction } from "@/lib/homework/late-deduction";
import { type ScoredRubric, rubricScore } from "@/lib/rubric/rubric";
import { HOMEWORK_LIMITS, commentErrorKeyOf, commentFieldOf, levelFieldOf } from "@/lib/homework/schemas";

/**
 * Grading one submission: a level and a comment box per rubric criterion (whole level cells are tap targets) or
 * points, Markdown feedback, and the late deduction worked out live with the same function the server uses.
 */
export function GradingForm({ submissionId, rubric, points, late, lateMinutes, initial }: {
  submissionId: string;
  rubric: ScoredRubric | null;
  points: number;
  late: LatePolicySettings;
  lateMinutes: number;
  initial: { picks: Record<string, string>; criterionComments: Record<string, string>; rawScore: number | null; feedback: string };
}) {
  const t = useTranslations("homework.grading");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(gradeSubmissionAction);
  const [picks, setPicks] = useState(initial.picks);
  const [pointsText, setPointsText] = useState(initial.rawScore === null || rubric ? "" : String(initial.rawScore));
  const [feedback, setFeedback] = useState(initial.feedback);

  const raw = rubric
    ? rubricScore(rubric, picks)
    : pointsText.trim() === "" || Number.isNaN(Number(pointsText))
      ? null
      : Number(pointsText);
  const deduction = raw === null ? null : lateDeduction(late, { possible: points, raw, lateMinutes });

  return (
    <Card title={t("title")}>
      <form data-testid="grading-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="submissionId" value={submissionId} />
        <input type="hidden" name="rubric" value={rubric ? "true" : "false"} />
        {rubric ? (
          rubric.map((criterion, index) => (
            <fieldset key={criterion.id} data-testid={`grading-criterion-${index}`} className="space-y-2">
              <legend className="text-sm font-medium text-slate-800">{criterion.title}</legend>
              <div className="grid gap-1.5 sm:grid-cols-3">
                {criterion.levels.map((level, li) => (
                  <label key={level.id} className="cursor-pointer" data-testid={`grading-level-${index}-${li}`}>
                    <input
                      type="radio"
                      name={levelFieldOf(criterion.id)}
                      value={level.id}
                      checked={picks[criterion.id] === level.id}
                      onChange={() => setPicks({ ...picks, [criterion.id]: level.id })}
                      className="peer sr-only"
                    />
                    <span className="flex h-full flex-col rounded-lg border border-slate-300 bg-white p-2 text-sm peer-checked:border-brand-600 peer-checked:bg-brand-50 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-300">
                      <span className="flex justify-between gap-2 font-medium">
                        <span>{level.title}</span>
                        <span className="tabular-nums">{t("points", { points: level.points })}</span>
                      </span>
                      {level.description && <span className="mt-0.5 text-xs text-slate-600">{level.description}</span>}
                    </span>
                  </label>
                ))}
              </div>
              <TextArea
                label={t("criterionComment", { title: criterion.title })}
                name={commentFieldOf(criterion.id)}
                data-testid={`grading-comment-${index}`}
                rows={2}
                maxLength={HOMEWORK_LIMITS.criterionComment}
                defaultValue={initial.criterionComments[criterion.id] ?? ""}
                placeholder={t("criterionCommentPlaceholder")}
                errors={fieldErrors?.[commentErrorKeyOf(criterion.id)]}
              />
            </fieldset>
          ))
        ) : (
          <TextInput
            label={t("rawPoints", { points })}
            name="points"
            type="number"
            inputMode="decimal"
            min={0}
            max={points}
            step="any"
            data-testid="grading-points"
            value={pointsText}
            onChange={(event) => setPointsText(event.target.value)}
            errors={fieldErrors?.points}
          />
        )}
        <Field label={t("feedback")} errors={fieldErrors?.feedback}>
          {(a11y) => (
            <MarkdownEditor a11y={a11y} name="feedback" testId="grading-feedback" value={feedback} onChange={setFeedback} maxLength={HOMEWORK_LIMITS.feedback} rows={5} />
          )}
        </Field>
        <dl className="grid grid-cols-3 gap-2 rounded-lg bg-slate-50 p-3 text-center text-sm" data-testid="grading-summary">
          <div>
            <dt className="text-xs text-slate-500">{t("raw")}</dt>
            <dd className="font-semibold tabular-nums">{raw ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("deduction")}</dt>
            <dd className="font-semibold tabular-nums text-amber-700" data-testid="grading-deduction">
              {deduction === null ? "—" : deduction ? `−${deduction}` : "0"}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t("final", { points })}</dt>
            <dd className="font-semibold tabular-nums" data-testid="grading-final">
              {raw === null || deduction === null ? "—" : Math.round((raw - deduction) * 100) / 100}
            </dd>
          </div>
        </dl>
        <FormAlert state={state} success={t("saved")} />
        <Button type="submit" data-testid="grading-save" disabled={pending} className="w-full sm:w-auto">
          {t("save")}
        </Button>
      </form>
    </Card>
  );
}
