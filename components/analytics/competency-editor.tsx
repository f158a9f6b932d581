"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveCompetenciesAction } from "@/lib/analytics/actions";

/** The department's competency list as lines of text (see lib/analytics/competency-lines.ts). */
export function CompetencyEditor({ departmentId, lines }: { departmentId: string; lines: string }) {
  const t = useTranslations("analytics.ui.competencies");
  const { state, pending, fieldErrors, formProps } = useFormAction(saveCompetenciesAction);
  return (
    <form {...formProps} className="space-y-3" data-testid="competency-editor">
      <input type="hidden" name="departmentId" value={departmentId} />
      <TextArea label={t("editor")} hint={t("editorHint")} name="lines" rows={10} defaultValue={lines} className="font-mono" errors={fieldErrors?.lines} />
      <FormAlert state={state} success={t("saved")} />
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
