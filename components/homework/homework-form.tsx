"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { MarkdownEditor } from "@/components/markdown-editor";
import { RubricEditor } from "@/components/rubric/rubric-editor";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveHomeworkAction } from "@/lib/homework/actions";
import { HOMEWORK_FILE_TYPE_KEYS, HOMEWORK_LIMITS, HOMEWORK_RUBRIC_LIMITS } from "@/lib/homework/schemas";
import type { HomeworkFormValues } from "@/lib/homework/teacher-queries";
import { rubricMaxPoints } from "@/lib/rubric/rubric";

const checkboxClass = "h-5 w-5 rounded border-slate-300 text-brand-600 focus:ring-brand-500";

/**
 * Creates or edits a homework: instructions (Markdown), links to a lesson and an assessment item, due time, what may
 * be handed in, the late policy and the grading (points or a rubric). Sections that do not apply are hidden but
 * still posted, so switching back and forth loses nothing.
 */
export function HomeworkForm({ courseId, homeworkId, values, lessons, assessmentItems, serverMaxFileMb, gradingStarted, cancelHref }: {
  courseId: string;
  homeworkId: string | null;
  values: HomeworkFormValues;
  lessons: { id: string; title: string }[];
  assessmentItems: { id: string; name: string; weight: number }[];
  serverMaxFileMb: number;
  gradingStarted: boolean;
  cancelHref: string;
}) {
  const t = useTranslations("homework.form");
  const tc = useTranslations("common");
  const tt = useTranslations("homework.fileTypes");
  const tr = useTranslations("homework.rubric");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(saveHomeworkAction);
  const [instructions, setInstructions] = useState(values.instructions);
  const [allowFiles, setAllowFiles] = useState(values.allowFiles);
  const [latePolicy, setLatePolicy] = useState(values.latePolicy);
  const [useRubric, setUseRubric] = useState(values.rubric !== null);
  const [rubricPoints, setRubricPoints] = useState(() => rubricMaxPoints(values.rubric ?? []));
  const rubricErrors = Object.keys(fieldErrors ?? {}).some((field) => field.startsWith("rubric"));

  return (
    <form data-testid="homework-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="courseId" value={courseId} />
      {homeworkId && <input type="hidden" name="homeworkId" value={homeworkId} />}
      <Card title={t("basics")}>
        <div className="space-y-4">
          <TextInput
            label={t("title")}
            name="title"
            data-testid="homework-title"
            required
            maxLength={HOMEWORK_LIMITS.title}
            defaultValue={values.title}
            errors={fieldErrors?.title}
          />
          <Field label={t("instructions")} errors={fieldErrors?.instructions} hint={t("instructionsHint")}>
            {(a11y) => (
              <MarkdownEditor
                a11y={a11y}
                name="instructions"
                testId="homework-instructions"
                value={instructions}
                onChange={setInstructions}
                maxLength={HOMEWORK_LIMITS.instructions}
                rows={10}
              />
            )}
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Select label={t("lesson")} name="lessonId" defaultValue={values.lessonId} errors={fieldErrors?.lessonId}>
              <option value="">{t("noLesson")}</option>
              {lessons.map((lesson) => (
                <option key={lesson.id} value={lesson.id}>
                  {lesson.title}
                </option>
              ))}
            </Select>
            <Select
              label={t("assessmentItem")}
              name="assessmentItemId"
              data-testid="homework-assessment-item"
              defaultValue={values.assessmentItemId}
              errors={fieldErrors?.assessmentItemId}
              hint={t("assessmentItemHint")}
            >
              <option value="">{t("noAssessmentItem")}</option>
              {assessmentItems.map((item) => (
                <option key={item.id} value={item.id}>
                  {item.name}（{item.weight}%）
                </option>
              ))}
            </Select>
          </div>
          <TextInput
            label={t("dueAt")}
            name="dueAt"
            type="datetime-local"
            data-testid="homework-due"
            required
            defaultValue={values.dueAt}
            errors={fieldErrors?.dueAt}
            hint={t("timeHint")}
          />
        </div>
      </Card>

      <Card title={t("submission")}>
        <div className="space-y-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="allowText" defaultChecked={values.allowText} data-testid="homework-allow-text" className={checkboxClass} />
            {t("allowText")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="allowFiles"
              checked={allowFiles}
              onChange={(event) => setAllowFiles(event.target.checked)}
              data-testid="homework-allow-files"
              className={checkboxClass}
            />
            {t("allowFiles")}
          </label>
          <div hidden={!allowFiles} className="space-y-3 rounded-lg bg-slate-50 p-3">
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">{t("fileTypes")}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-2">
                {HOMEWORK_FILE_TYPE_KEYS.map((type) => (
                  <label key={type} className="flex items-center gap-1.5 text-sm">
                    <input type="checkbox" name="fileTypes[]" value={type} defaultChecked={values.fileTypes.includes(type)} className={checkboxClass} />
                    {tt(type)}
                  </label>
                ))}
              </div>
              <p className="mt-1 text-xs text-slate-500">{t("fileTypesHint")}</p>
            </fieldset>
            <div className="grid grid-cols-2 gap-3">
              <TextInput
                label={t("maxFiles")}
                name="maxFiles"
                type="number"
                inputMode="numeric"
                min={1}
                max={HOMEWORK_LIMITS.maxFiles}
                defaultValue={values.maxFiles}
                errors={fieldErrors?.maxFiles}
              />
              <TextInput
                label={t("maxFileMb")}
                name="maxFileMb"
                type="number"
                inputMode="numeric"
                min={1}
                max={serverMaxFileMb}
                defaultValue={values.maxFileMb}
                errors={fieldErrors?.maxFileMb}
                hint={t("maxFileMbHint", { max: serverMaxFileMb })}
              />
            </div>
          </div>
        </div>
      </Card>

      <Card title={t("late")}>
        <div className="space-y-3">
          <Select
            label={t("latePolicy")}
            name="latePolicy"
            data-testid="homework-late-policy"
            value={latePolicy}
            onChange={(event) => setLatePolicy(event.target.value as HomeworkFormValues["latePolicy"])}
          >
            {(["NONE", "REJECT", "DEDUCT"] as const).map((policy) => (
              <option key={policy} value={policy}>
                {t(`policy.${policy}`)}
              </option>
            ))}
          </Select>
          <div hidden={latePolicy !== "DEDUCT"} className="space-y-3 rounded-lg bg-slate-50 p-3">
            <div className="grid grid-cols-2 gap-3">
              <TextInput
                label={t("lateRate")}
                name="lateRate"
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                data-testid="homework-late-rate"
                defaultValue={values.lateRate}
                errors={fieldErrors?.lateRate}
              />
              <Select label={t("lateInterval")} name="lateInterval" defaultValue={values.lateInterval}>
                <option value="HOUR">{t("interval.HOUR")}</option>
                <option value="DAY">{t("interval.DAY")}</option>
              </Select>
              <TextInput
                label={t("lateMaxDeduction")}
                name="lateMaxDeduction"
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                defaultValue={values.lateMaxDeduction ?? ""}
                errors={fieldErrors?.lateMaxDeduction}
                hint={t("lateMaxDeductionHint")}
              />
              <TextInput
                label={t("lateFloor")}
                name="lateFloor"
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                defaultValue={values.lateFloor ?? ""}
                errors={fieldErrors?.lateFloor}
                hint={t("lateFloorHint")}
              />
            </div>
            <p className="text-xs text-slate-600">{t("lateFormula")}</p>
          </div>
          <p className="text-xs text-slate-500">{t(`policyHint.${latePolicy}`)}</p>
        </div>
      </Card>

      <Card title={t("grading")}>
        <div className="space-y-3">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={useRubric}
              disabled={gradingStarted}
              onChange={(event) => setUseRubric(event.target.checked)}
              data-testid="homework-use-rubric"
              className={checkboxClass}
            />
            {t("useRubric")}
          </label>
          {useRubric ? (
            <>
              <input type="hidden" name="points" value={rubricPoints || 1} />
              <p className="text-sm text-slate-700" data-testid="homework-rubric-points">
                {t("rubricPoints", { points: rubricPoints })}
              </p>
            </>
          ) : (
            <TextInput
              label={t("points")}
              name="points"
              type="number"
              inputMode="decimal"
              min={0}
              max={HOMEWORK_LIMITS.points}
              step="any"
              data-testid="homework-points"
              readOnly={gradingStarted}
              defaultValue={values.points}
              errors={fieldErrors?.points}
            />
          )}
          <RubricEditor
            initial={values.rubric}
            limits={HOMEWORK_RUBRIC_LIMITS}
            starterLevels={[
              { title: tr("defaultLevelA"), points: 10 },
              { title: tr("defaultLevelB"), points: 5 },
              { title: tr("defaultLevelC"), points: 0 },
            ]}
            enabled={useRubric}
            locked={gradingStarted}
            lockedNote={tr("locked")}
            error={rubricErrors ? tr("invalid") : undefined}
            onTotal={setRubricPoints}
          />
          {gradingStarted && <p className="text-xs text-amber-700">{t("gradingStarted")}</p>}
        </div>
      </Card>

      <FormAlert state={state} success={t("saved")} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" data-testid="homework-save" disabled={pending}>
          {homeworkId ? t("save") : t("create")}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          {tc("cancel")}
        </Link>
      </div>
    </form>
  );
}
