"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextInput } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction } from "@/lib/account/actions";

export function ChangePasswordForm() {
  const t = useTranslations("auth");
  const { state, pending, fieldErrors, formAction, formProps } = useFormAction(changePasswordAction);
  return (
    <form action={formAction} {...formProps} className="space-y-4">
      <TextInput label={t("currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required errors={fieldErrors?.currentPassword} />
      <TextInput label={t("newPassword")} name="newPassword" type="password" autoComplete="new-password" required hint={t("passwordRule")} errors={fieldErrors?.newPassword} />
      <TextInput label={t("confirmPassword")} name="confirmPassword" type="password" autoComplete="new-password" required errors={fieldErrors?.confirmPassword} />
      <FormAlert state={state} />
      <Button type="submit" disabled={pending} className="w-full">
        {t("changeTitle")}
      </Button>
    </form>
  );
}
