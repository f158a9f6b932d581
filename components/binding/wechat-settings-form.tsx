"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateWechatSettingsAction } from "@/lib/binding/actions";
import type { PushKind } from "@/lib/wechat/push-kinds";

/** Per-kind switches and quiet hours ("HH:MM", Asia/Shanghai); both saved together. */
export function WechatSettingsForm({ preferences, quietStart, quietEnd }: {
  preferences: { kind: PushKind; enabled: boolean }[];
  quietStart: string;
  quietEnd: string;
}) {
  const t = useTranslations("wechat");
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(updateWechatSettingsAction);
  return (
    <form action={formAction} {...formProps} className="space-y-5">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">{t("settings.kindsTitle")}</legend>
        {preferences.map(({ kind, enabled }) => (
          <label key={kind} className="flex items-start gap-3 rounded-lg border border-slate-200 px-3 py-2">
            <input type="checkbox" name="kinds" value={kind} defaultChecked={enabled} className="mt-0.5 h-5 w-5 shrink-0" data-testid={`pref-${kind}`} />
            <span>
              <span className="block text-sm font-medium">{t(`kinds.${kind}.label`)}</span>
              <span className="block text-xs text-slate-500">{t(`kinds.${kind}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-semibold">{t("settings.quietTitle")}</legend>
        <p className="text-xs text-slate-500">{t("settings.quietHelp")}</p>
        <div className="grid grid-cols-2 gap-3">
          <TextInput label={t("settings.quietStart")} name="quietStart" type="time" required defaultValue={quietStart} errors={fieldErrors?.quietStart} data-testid="quiet-start" />
          <TextInput label={t("settings.quietEnd")} name="quietEnd" type="time" required defaultValue={quietEnd} errors={fieldErrors?.quietEnd} data-testid="quiet-end" />
        </div>
      </fieldset>
      <FormAlert state={state} success={t("settings.saved")} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto" data-testid="wechat-settings-save">
        {t("settings.save")}
      </Button>
    </form>
  );
}
