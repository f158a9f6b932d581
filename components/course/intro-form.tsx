"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextArea, TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { updateCourseIntroAction } from "@/lib/course/actions";
import { INTRO_LIMITS } from "@/lib/course/schemas";
import { SchemeEditor, schemeRowOf, schemeTotalOf } from "./scheme-editor";
import { SyllabusEditor } from "./syllabus-editor";
import { TextListEditor } from "./text-list-editor";
import { useFormAction } from "@/components/ui/use-form-action";

export interface IntroFormValues {
  courseId: string;
  description: string;
  syllabus: string;
  credits: number | null;
  hours: number | null;
  objectives: string[];
  assessments: { id: string; name: string; weight: number; description: string }[];
}

/** The course intro editor: description, numbers, syllabus (Markdown), objectives and the assessment scheme. */
export function IntroForm({ initial }: { initial: IntroFormValues }) {
  const t = useTranslations("course.intro");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(updateCourseIntroAction);
  const [scheme, setScheme] = useState(() => initial.assessments.map(schemeRowOf));
  const schemeComplete = scheme.length === 0 || schemeTotalOf(scheme) === 100;

  return (
    <form data-testid="intro-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" name="courseId" value={initial.courseId} />
      <Card title={t("basics")}>
        <div className="space-y-4">
          <TextArea
            label={t("description")}
            name="description"
            rows={4}
            maxLength={INTRO_LIMITS.description}
            defaultValue={initial.description}
            hint={t("descriptionHint")}
            errors={fieldErrors?.description}
          />
          <div className="grid grid-cols-2 gap-3 sm:max-w-sm">
            <TextInput
              label={t("credits")}
              name="credits"
              type="number"
              inputMode="decimal"
              min={0}
              max={INTRO_LIMITS.credits}
              step={0.5}
              defaultValue={initial.credits ?? ""}
              errors={fieldErrors?.credits}
            />
            <TextInput
              label={t("hours")}
              name="hours"
              type="number"
              inputMode="numeric"
              min={0}
              max={INTRO_LIMITS.hours}
              step={1}
              defaultValue={initial.hours ?? ""}
              errors={fieldErrors?.hours}
            />
          </div>
        </div>
      </Card>
      <Card>
        <SyllabusEditor name="syllabus" initial={initial.syllabus} maxLength={INTRO_LIMITS.syllabus} errors={fieldErrors?.syllabus} />
      </Card>
      <Card>
        <TextListEditor
          name="objectives"
          testId="objectives-editor"
          initial={initial.objectives.map((text) => ({ text }))}
          max={INTRO_LIMITS.objectives}
          maxLength={INTRO_LIMITS.objective}
          errors={fieldErrors}
          labels={{
            legend: t("objectives"),
            hint: t("objectivesHint"),
            item: (n) => t("objective", { n }),
            add: t("addObjective"),
            empty: t("noObjectives"),
          }}
        />
      </Card>
      <Card>
        <SchemeEditor
          name="assessments"
          rows={scheme}
          onChange={setScheme}
          max={INTRO_LIMITS.assessments}
          limits={{ name: INTRO_LIMITS.assessmentName, description: INTRO_LIMITS.assessmentDescription }}
          errors={fieldErrors}
        />
      </Card>
      <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0">
        <FormAlert state={state} success={t("saved")} />
        {!schemeComplete && <p className="text-sm text-amber-700">{t("saveBlocked")}</p>}
        <Button type="submit" disabled={pending || !schemeComplete} className="w-full sm:w-auto">
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
