"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { RubricEditor } from "@/components/rubric/rubric-editor";
import { Button } from "@/components/ui/button";
import { Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { savePeerReviewAction } from "@/lib/peer/actions";
import { teacherPeerReviewPath } from "@/lib/peer/paths";
import { PEER_FILE_TYPE_KEYS, PEER_LIMITS } from "@/lib/peer/schemas";
import { RUBRIC_LIMITS, type Rubric } from "@/lib/rubric/rubric";

export interface SetupValues {
  activityId: string | null;
  title: string;
  instructions: string;
  lessonId: string;
  assessmentItemId: string;
  autoSwitch: boolean;
  /** datetime-local values (Asia/Shanghai) or "". */
  submissionOpensAt: string;
  submissionClosesAt: string;
  assessmentClosesAt: string;
  reviewsPerSubmission: number;
  selfAssessment: boolean;
  excludeOwnGroup: boolean;
  anonymity: "DOUBLE_BLIND" | "REVIEWERS_ANONYMOUS" | "OPEN";
  aggregation: "MEAN" | "MEDIAN_FROM_4";
  submissionWeight: number;
  rubric: Rubric;
  calibrationRequired: boolean;
  calibrationThreshold: number | null;
  allowText: boolean;
  allowFiles: boolean;
  fileTypes: string[];
  maxFiles: number;
}

// A criterion added in the editor starts with three blank levels scored 0, 1 and 2, as the starter rubric does.
const STARTER_LEVELS = [0, 1, 2].map((points) => ({ title: "", points }));

function Check({ name, label, hint, defaultChecked, testId, onChange }: { name: string; label: ReactNode; hint?: ReactNode; defaultChecked: boolean; testId: string; onChange?: (checked: boolean) => void }) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" name={name} data-testid={testId} defaultChecked={defaultChecked} onChange={(e) => onChange?.(e.target.checked)} className="mt-0.5 h-5 w-5" />
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        {hint && <span className="block text-xs text-slate-500">{hint}</span>}
      </span>
    </label>
  );
}

/**
 * Creates or edits a peer review: instructions, dates (Beijing time), reviews per submission, self-assessment,
 * group rule, anonymity, aggregation and weight, the rubric, calibration and what students may hand in.
 */
export function SetupForm({ courseId, values, lessons, assessmentItems, rubricLocked, anonymityLocked }: {
  courseId: string;
  values: SetupValues;
  lessons: { id: string; title: string }[];
  assessmentItems: { id: string; name: string }[];
  rubricLocked: boolean;
  anonymityLocked: boolean;
}) {
  const t = useTranslations("peer.setup");
  const tp = useTranslations("peer");
  const tr = useTranslations();
  const router = useRouter();
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(savePeerReviewAction);
  const [instructions, setInstructions] = useState(values.instructions);
  const [calibration, setCalibration] = useState(values.calibrationRequired);
  const [allowFiles, setAllowFiles] = useState(values.allowFiles);
  const rubricErrors = [...new Set(Object.entries(fieldErrors ?? {}).filter(([key]) => key.startsWith("rubric")).flatMap(([, keys]) => keys))];

  useEffect(() => {
    if (state?.ok && !values.activityId) router.push(teacherPeerReviewPath(courseId, state.data.activityId));
  }, [state, values.activityId, courseId, router]);

  return (
    <form data-testid="setup-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-5">
      <input type="hidden" name="courseId" value={courseId} />
      {values.activityId && <input type="hidden" name="activityId" value={values.activityId} />}
      <TextInput label={t("title")} name="title" data-testid="setup-title" defaultValue={values.title} maxLength={PEER_LIMITS.title} required errors={fieldErrors?.title} />
      <div className="space-y-1">
        <span className="block text-sm font-medium text-slate-700">{t("instructions")}</span>
        <MarkdownEditor
          a11y={{ "aria-label": t("instructions") }}
          testId="setup-instructions"
          name="instructions"
          value={instructions}
          onChange={setInstructions}
          rows={8}
          maxLength={PEER_LIMITS.instructions}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Select label={t("lesson")} name="lessonId" defaultValue={values.lessonId} data-testid="setup-lesson" errors={fieldErrors?.lessonId}>
          <option value="">{t("none")}</option>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </Select>
        <Select label={t("assessmentItem")} name="assessmentItemId" defaultValue={values.assessmentItemId} data-testid="setup-assessment-item" hint={t("assessmentItemHint")} errors={fieldErrors?.assessmentItemId}>
          <option value="">{t("none")}</option>
          {assessmentItems.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </div>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("schedule")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextInput label={t("submissionOpensAt")} name="submissionOpensAt" type="datetime-local" data-testid="setup-opens" defaultValue={values.submissionOpensAt} errors={fieldErrors?.submissionOpensAt} />
          <TextInput label={t("submissionClosesAt")} name="submissionClosesAt" type="datetime-local" data-testid="setup-submission-closes" defaultValue={values.submissionClosesAt} errors={fieldErrors?.submissionClosesAt} />
          <TextInput label={t("assessmentClosesAt")} name="assessmentClosesAt" type="datetime-local" data-testid="setup-assessment-closes" defaultValue={values.assessmentClosesAt} errors={fieldErrors?.assessmentClosesAt} />
        </div>
        <Check name="autoSwitch" testId="setup-auto-switch" label={t("autoSwitch")} hint={t("autoSwitchHint")} defaultChecked={values.autoSwitch} />
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("reviewing")}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <TextInput
            label={t("reviewsPerSubmission")}
            name="reviewsPerSubmission"
            type="number"
            min={1}
            max={PEER_LIMITS.maxReviews}
            data-testid="setup-k"
            defaultValue={values.reviewsPerSubmission}
            hint={t("reviewsPerSubmissionHint")}
            errors={fieldErrors?.reviewsPerSubmission}
          />
          <Select label={t("anonymity")} name="anonymity" defaultValue={values.anonymity} data-testid="setup-anonymity" hint={anonymityLocked ? t("anonymityLocked") : tp(`anonymityHint.${values.anonymity}`)}>
            {(["DOUBLE_BLIND", "REVIEWERS_ANONYMOUS", "OPEN"] as const).map((mode) => (
              <option key={mode} value={mode}>
                {tp(`anonymity.${mode}`)}
              </option>
            ))}
          </Select>
          <Select label={t("aggregation")} name="aggregation" defaultValue={values.aggregation} data-testid="setup-aggregation">
            {(["MEDIAN_FROM_4", "MEAN"] as const).map((a) => (
              <option key={a} value={a}>
                {tp(`aggregation.${a}`)}
              </option>
            ))}
          </Select>
        </div>
        <Check name="selfAssessment" testId="setup-self" label={t("selfAssessment")} hint={t("selfAssessmentHint")} defaultChecked={values.selfAssessment} />
        <Check name="excludeOwnGroup" testId="setup-exclude-group" label={t("excludeOwnGroup")} hint={t("excludeOwnGroupHint")} defaultChecked={values.excludeOwnGroup} />
        <TextInput
          label={t("submissionWeight")}
          name="submissionWeight"
          type="number"
          min={0}
          max={100}
          data-testid="setup-weight"
          defaultValue={values.submissionWeight}
          hint={t("submissionWeightHint")}
          errors={fieldErrors?.submissionWeight}
        />
      </fieldset>

      <RubricEditor
        initial={values.rubric}
        limits={RUBRIC_LIMITS}
        starterLevels={STARTER_LEVELS}
        allowComments
        criterionDescriptions
        locked={rubricLocked}
        lockedNote={tp("rubricEditor.locked")}
        error={rubricErrors.length ? rubricErrors.map((key) => tr(key as never)).join(" ") : undefined}
      />

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("calibration")}</legend>
        <Check name="calibrationRequired" testId="setup-calibration" label={t("calibrationRequired")} hint={t("calibrationHint")} defaultChecked={values.calibrationRequired} onChange={setCalibration} />
        {calibration && (
          <TextInput
            label={t("calibrationThreshold")}
            name="calibrationThreshold"
            type="number"
            min={0}
            max={100}
            data-testid="setup-threshold"
            defaultValue={values.calibrationThreshold ?? ""}
            hint={t("calibrationThresholdHint")}
            errors={fieldErrors?.calibrationThreshold}
          />
        )}
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold">{t("handIn")}</legend>
        <Check name="allowText" testId="setup-allow-text" label={t("allowText")} defaultChecked={values.allowText} />
        <Check name="allowFiles" testId="setup-allow-files" label={t("allowFiles")} hint={t("allowFilesHint")} defaultChecked={values.allowFiles} onChange={setAllowFiles} />
        {allowFiles && (
          <div className="flex flex-wrap items-end gap-4">
            <fieldset className="flex flex-wrap gap-3">
              <legend className="mb-1 text-sm text-slate-700">{t("fileTypes")}</legend>
              {PEER_FILE_TYPE_KEYS.map((type) => (
                <label key={type} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" name="fileTypes" value={type} defaultChecked={values.fileTypes.includes(type)} className="h-5 w-5" />
                  {type.toUpperCase()}
                </label>
              ))}
            </fieldset>
            <TextInput label={t("maxFiles")} name="maxFiles" type="number" min={1} max={PEER_LIMITS.maxFiles} defaultValue={values.maxFiles} errors={fieldErrors?.maxFiles} />
          </div>
        )}
        {!allowFiles && (
          <>
            <input type="hidden" name="maxFiles" value={values.maxFiles} />
            {values.fileTypes.map((type) => (
              <input key={type} type="hidden" name="fileTypes" value={type} />
            ))}
          </>
        )}
      </fieldset>

      {state?.ok ? (
        <p role="status" data-testid="setup-saved" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("saved")}
        </p>
      ) : (
        <FormAlert state={state} />
      )}
      <Button type="submit" data-testid="setup-save" disabled={pending}>
        {values.activityId ? t("save") : t("create")}
      </Button>
    </form>
  );
}
