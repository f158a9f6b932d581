"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, startTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveAssessmentAction, submitCalibrationAction } from "@/lib/peer/actions";
import type { Rubric } from "@/lib/rubric/rubric";
import { RubricFields } from "./rubric-fields";

const missingOf = (details: Record<string, unknown> | undefined) => (Array.isArray(details?.missing) ? (details.missing as string[]) : []);

/** A review of peer work or the self-assessment: save as draft, or submit (all levels chosen). */
export function ReviewForm({ assessmentId, rubric, initial, submitted }: {
  assessmentId: string;
  rubric: Rubric;
  initial: { levels: Record<string, string>; comments: Record<string, string> };
  submitted: boolean;
}) {
  const t = useTranslations("peer.assess");
  const { state, formAction, pending } = useFormAction(saveAssessmentAction);
  const missing = state && !state.ok ? missingOf(state.details) : [];
  // The pressed button (draft or submit) must travel with the fields.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(form));
  };
  return (
    <form data-testid="review-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="assessmentId" value={assessmentId} />
      <RubricFields rubric={rubric} initial={initial} missing={missing} />
      {state?.ok ? (
        <p role="status" data-testid="review-saved" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {state.data.submitted ? t("submitted") : t("draftSaved")}
        </p>
      ) : (
        <FormAlert state={state} />
      )}
      <div className="flex gap-2">
        {!submitted && (
          <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending} data-testid="review-draft" className="min-h-12 flex-1">
            {t("saveDraft")}
          </Button>
        )}
        <Button type="submit" name="intent" value="submit" disabled={pending} data-testid="review-submit" className="min-h-12 flex-1 text-base">
          {submitted ? t("update") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

/** A calibration attempt on an example; the closeness and the teacher's reference appear once it is in. */
export function CalibrationForm({ exampleId, rubric }: { exampleId: string; rubric: Rubric }) {
  const t = useTranslations("peer.calibration");
  const { state, formAction, pending, onSubmit } = useFormAction(submitCalibrationAction);
  const missing = state && !state.ok ? missingOf(state.details) : [];
  return (
    <form data-testid="calibration-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="exampleId" value={exampleId} />
      <RubricFields rubric={rubric} initial={null} missing={missing} />
      <FormAlert state={state} />
      <Button type="submit" disabled={pending} data-testid="calibration-submit" className="min-h-12 w-full text-base">
        {t("submit")}
      </Button>
    </form>
  );
}
