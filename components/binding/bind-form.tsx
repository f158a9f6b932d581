"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { bindWechatAction } from "@/lib/binding/actions";

/** 学号 + password once, the consent tick, and the version of the text shown above. */
export function BindForm({ consentTextVersion }: { consentTextVersion: string }) {
  const t = useTranslations("wechat.bind");
  const { state, pending, formAction, formProps } = useFormAction(bindWechatAction);
  return (
    <form action={formAction} {...formProps} className="space-y-4">
      <TextInput label={t("no")} name="no" autoComplete="username" required maxLength={64} />
      <TextInput label={t("password")} name="password" type="password" autoComplete="current-password" required maxLength={256} />
      <input type="hidden" name="consentTextVersion" value={consentTextVersion} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="consent" value="on" required className="mt-0.5 h-5 w-5 shrink-0" data-testid="consent-agree" />
        <span>{t("agree")}</span>
      </label>
      <FormAlert state={state} />
      <Button type="submit" className="w-full" disabled={pending} data-testid="bind-submit">
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
