"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { publishPackageAction, unpublishPackageAction } from "@/lib/preclass/actions";

/**
 * Publishing with an open/close window (datetime-local, Beijing time), or moving the window of a published package;
 * back to draft keeps the students' work.
 */
export function PublishForm({ lessonId, published, opensAt, closesAt, caseNeedsConfirmation }: {
  lessonId: string;
  published: boolean;
  /** datetime-local values in Asia/Shanghai */
  opensAt: string;
  closesAt: string;
  caseNeedsConfirmation: boolean;
}) {
  const t = useTranslations("preclass.publish");
  const { state, formAction, pending, onSubmit, fieldErrors } = useFormAction(publishPackageAction);
  const [unpublished, unpublishAction, unpublishing] = useActionState(unpublishPackageAction, null);
  return (
    <Card title={t("title")}>
      <form data-testid="publish-form" action={formAction} onSubmit={onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="lessonId" value={lessonId} />
        <div className="grid gap-3 sm:grid-cols-2">
          <TextInput
            label={t("opensAt")}
            name="opensAt"
            type="datetime-local"
            data-testid="publish-opens"
            defaultValue={opensAt}
            required
            errors={fieldErrors?.opensAt}
          />
          <TextInput
            label={t("closesAt")}
            name="closesAt"
            type="datetime-local"
            data-testid="publish-closes"
            defaultValue={closesAt}
            required
            errors={fieldErrors?.closesAt}
          />
        </div>
        <p className="text-xs text-slate-500">{t("timeHint")}</p>
        {caseNeedsConfirmation && <p className="text-sm text-amber-700">{t("caseNotConfirmed")}</p>}
        <FormAlert state={state} success={t("published")} />
        <Button type="submit" data-testid="publish-button" disabled={pending} className="w-full sm:w-auto">
          {published ? t("update") : t("publish")}
        </Button>
      </form>
      {published && (
        <form action={unpublishAction} className="mt-3 border-t border-slate-100 pt-3">
          <input type="hidden" name="lessonId" value={lessonId} />
          <Button type="submit" variant="secondary" data-testid="unpublish-button" disabled={unpublishing} className="w-full sm:w-auto">
            {t("unpublish")}
          </Button>
        </form>
      )}
      {unpublished && <div className="mt-2"><FormAlert state={unpublished} success={t("unpublished")} /></div>}
    </Card>
  );
}
