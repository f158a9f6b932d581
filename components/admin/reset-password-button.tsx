"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { resetUserPasswordAction } from "@/lib/admin/actions";
import { TempPassword } from "./temp-password";
import { useFormAction } from "@/components/ui/use-form-action";

/** Asks once, then resets and shows the new temporary password. */
export function ResetPasswordButton({ user }: { user: { id: string; no: string; name: string } }) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(resetUserPasswordAction);
  const [asking, setAsking] = useState(false);
  const label = t("admin.users.resetPassword");
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        formProps.onSubmit(event);
        setAsking(false);
      }}
      className="space-y-2"
      data-testid="reset-password-form"
    >
      <input type="hidden" name="userId" value={user.id} />
      {asking ? (
        <span className="inline-flex flex-wrap gap-1">
          <Button type="submit" variant="danger" disabled={pending} autoFocus>
            {t("admin.confirm", { action: label })}
          </Button>
          <Button variant="ghost" onClick={() => setAsking(false)}>
            {t("common.cancel")}
          </Button>
        </span>
      ) : (
        <Button variant="secondary" disabled={pending} onClick={() => setAsking(true)}>
          {label}
        </Button>
      )}
      {state?.ok ? <TempPassword no={user.no} name={user.name} password={state.data.temporaryPassword} /> : <FormAlert state={state} />}
    </form>
  );
}
