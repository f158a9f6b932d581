"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveAtRiskSettingsAction } from "@/lib/analytics/actions";
import { AT_RISK_LIMITS, type AtRiskThresholds } from "@/lib/analytics/schemas";

const FIELDS = ["scoreDropPoints", "recentQuizzes", "lowScorePercent", "missedPreClassPercent", "absencePercent", "inactiveDays"] as const;

/** A department's at-risk thresholds. */
export function ThresholdsForm({ departmentId, thresholds }: { departmentId: string; thresholds: AtRiskThresholds }) {
  const t = useTranslations("analytics.ui");
  const { state, pending, fieldErrors, formProps } = useFormAction(saveAtRiskSettingsAction);
  return (
    <form {...formProps} className="space-y-3" data-testid="thresholds-form">
      <input type="hidden" name="departmentId" value={departmentId} />
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((field) => (
          <TextInput
            key={field}
            label={t(`thresholds.${field}`)}
            name={field}
            type="number"
            inputMode="numeric"
            min={AT_RISK_LIMITS[field].min}
            max={AT_RISK_LIMITS[field].max}
            defaultValue={thresholds[field]}
            errors={fieldErrors?.[field]}
          />
        ))}
      </div>
      <FormAlert state={state} success={t("atRisk.saved")} />
      <Button type="submit" disabled={pending} data-testid="thresholds-save">
        {t("atRisk.save")}
      </Button>
    </form>
  );
}
