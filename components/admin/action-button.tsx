"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";
import { useFormAction } from "@/components/ui/use-form-action";

/**
 * One button that runs a server action with fixed fields (archive, remove, disable…). With `confirm`, the first
 * click only asks; a second, explicit button does it, so a stray tap on a phone changes nothing.
 */
export function ActionButton({
  action,
  fields,
  label,
  confirm = false,
  variant = "secondary",
  testId,
}: {
  action: (prev: ActionResult<unknown> | null, form: FormData) => Promise<ActionResult<unknown>>;
  fields: Record<string, string>;
  label: string;
  confirm?: boolean;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  testId?: string;
}) {
  const t = useTranslations();
  const { state, pending, formProps } = useFormAction(action);
  const [asking, setAsking] = useState(false);
  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        formProps.onSubmit(event);
        setAsking(false);
      }}
      className="inline-flex flex-col items-start gap-1"
      data-testid={testId}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && !asking ? (
        <Button variant={variant} onClick={() => setAsking(true)}>
          {label}
        </Button>
      ) : (
        <span className="inline-flex flex-wrap gap-1">
          <Button type="submit" variant={variant} disabled={pending} autoFocus={confirm}>
            {confirm ? t("admin.confirm", { action: label }) : label}
          </Button>
          {confirm && (
            <Button variant="ghost" onClick={() => setAsking(false)}>
              {t("common.cancel")}
            </Button>
          )}
        </span>
      )}
      <FormAlert state={state} />
    </form>
  );
}
