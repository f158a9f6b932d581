"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { unbindWechatAction } from "@/lib/binding/actions";

/** Unbinds and withdraws consent after a confirmation; pushes stop at once. */
export function UnbindButton() {
  const t = useTranslations("wechat.settings");
  const [state, formAction, pending] = useActionState(unbindWechatAction, null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(t("unbindConfirm"))) return;
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <FormAlert state={state} />
      <Button type="submit" variant="danger" disabled={pending} data-testid="unbind-button">
        {t("unbind")}
      </Button>
    </form>
  );
}
