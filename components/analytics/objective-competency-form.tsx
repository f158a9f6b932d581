"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { setObjectiveCompetenciesAction } from "@/lib/analytics/actions";

/** Which competencies one course objective serves. */
export function ObjectiveCompetencyForm({
  objective,
  competencies,
}: {
  objective: { id: string; position: number; text: string; competencyIds: string[] };
  competencies: { id: string; code: string; name: string }[];
}) {
  const t = useTranslations("analytics.ui.competencies");
  const { state, pending, formProps } = useFormAction(setObjectiveCompetenciesAction);
  return (
    <form {...formProps} className="space-y-2 py-3" data-testid="objective-competencies">
      <input type="hidden" name="objectiveId" value={objective.id} />
      <p className="text-sm font-medium">
        {objective.position + 1}. {objective.text}
      </p>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {competencies.map((c) => (
          <label key={c.id} className="inline-flex min-h-8 items-center gap-1">
            <input type="checkbox" name="competencyIds[]" value={c.id} defaultChecked={objective.competencyIds.includes(c.id)} />
            <span>
              <span className="font-mono text-xs text-slate-500">{c.code}</span> {c.name}
            </span>
          </label>
        ))}
      </div>
      <FormAlert state={state} success={t("objectiveSaved")} />
      <Button type="submit" variant="secondary" disabled={pending} className="min-h-8 px-3 py-1 text-xs">
        {t("saveObjective")}
      </Button>
    </form>
  );
}
