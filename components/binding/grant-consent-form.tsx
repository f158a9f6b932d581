"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { grantConsentAction } from "@/lib/binding/actions";

/** Agreeing again after a withdrawal: the consent tick and the version of the text shown above. */
export function GrantConsentForm({ consentTextVersion }: { consentTextVersion: string }) {
  const t = useTranslations("wechat");
  const { state, pending, formAction, formProps } = useFormAction(grantConsentAction);
  return (
    <form action={formAction} {...formProps} className="space-y-3">
      <input type="hidden" name="consentTextVersion" value={consentTextVersion} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="consent" value="on" required className="mt-0.5 h-5 w-5 shrink-0" data-testid="regrant-agree" />
        <span>{t("bind.agree")}</span>
      </label>
      <FormAlert state={state} />
      <Button type="submit" disabled={pending} data-testid="regrant-submit">
        {t("settings.regrant")}
      </Button>
    </form>
  );
}
