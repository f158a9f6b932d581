"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/ui/use-form-action";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { TextArea, inputClass } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { savePlanVersionAction } from "@/lib/plan/actions";
import { PLAN_LIMITS } from "@/lib/plan/schemas";

export interface PlanCauseObjective {
  id: string;
  text: string;
  /** Mean confidence, formatted; null without ratings. */
  mean: string | null;
  low: boolean;
}

export interface PlanCauseFeedback {
  id: string;
  studentName: string;
  unclear: string;
  questions: string;
  tags: string[];
}

/**
 * The next plan version: the Markdown, a change note, and what caused the change. Objectives the class feels unsure
 * about are highlighted, and the students' unclear points and questions are listed to tick, so that recording why
 * the plan changed takes a few clicks.
 */
export function PlanEditor({ lessonId, baseVersion, initialContent, objectives, feedback, cancelHref }: {
  lessonId: string;
  baseVersion: number;
  initialContent: string;
  objectives: PlanCauseObjective[];
  feedback: PlanCauseFeedback[];
  cancelHref: string;
}) {
  const t = useTranslations("plan.editor");
  const tf = useTranslations("plan.feedback");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(savePlanVersionAction);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-5" data-testid="plan-form">
      <input type="hidden" name="lessonId" value={lessonId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <TextArea
        label={t("content")}
        hint={t("contentHint")}
        name="content"
        rows={18}
        required
        maxLength={PLAN_LIMITS.content}
        defaultValue={initialContent}
        errors={fieldErrors?.content}
        spellCheck={false}
        className={`${inputClass} font-mono leading-6`}
        data-testid="plan-editor"
      />
      <TextArea
        label={t("changeNote")}
        hint={t("changeNoteHint")}
        name="changeNote"
        rows={3}
        required
        maxLength={PLAN_LIMITS.changeNote}
        placeholder={t("changeNotePlaceholder")}
        errors={fieldErrors?.changeNote}
        data-testid="plan-change-note"
      />

      {objectives.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">{t("objectives")}</legend>
          <p className="text-xs text-slate-500">{t("objectivesHint")}</p>
          {objectives.map((objective) => (
            <label
              key={objective.id}
              data-testid="plan-cause-objective"
              data-low={objective.low || undefined}
              className={`flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm ${objective.low ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
            >
              <input type="checkbox" name="objectiveIds" value={objective.id} className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600" />
              <span className="min-w-0 flex-1">
                <span className="break-words">{objective.text}</span>
                <span className="mt-1 block">
                  {objective.low ? (
                    <Badge tone="amber">{t("lowConfidence", { mean: objective.mean ?? "" })}</Badge>
                  ) : (
                    <span className="text-xs text-slate-500">{objective.mean ? t("mean", { mean: objective.mean }) : t("noRatings")}</span>
                  )}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("feedback")}</legend>
        <p className="text-xs text-slate-500">{t("feedbackHint")}</p>
        {feedback.length === 0 ? (
          <p className="text-sm text-slate-500">{t("noFeedback")}</p>
        ) : (
          <div className="max-h-[28rem] space-y-2 overflow-y-auto pr-1">
            {feedback.map((item) => (
              <label
                key={item.id}
                data-testid="plan-cause-feedback"
                className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
              >
                <input type="checkbox" name="feedbackIds" value={item.id} className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600" />
                <span className="min-w-0 flex-1 space-y-1">
                  <span className="block font-medium">{item.studentName}</span>
                  {item.unclear && (
                    <span className="block whitespace-pre-wrap break-words">
                      <Badge tone="amber">{tf("unclear")}</Badge> {item.unclear}
                    </span>
                  )}
                  {item.questions && (
                    <span className="block whitespace-pre-wrap break-words">
                      <Badge tone="blue">{tf("questions")}</Badge> {item.questions}
                    </span>
                  )}
                  {item.tags.length > 0 && (
                    <span className="flex flex-wrap gap-1">
                      {item.tags.map((tag) => (
                        <Badge key={tag} tone="blue">
                          {tag}
                        </Badge>
                      ))}
                    </span>
                  )}
                </span>
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <FormAlert state={state} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} data-testid="plan-save">
          {pending ? t("saving") : t("save")}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
