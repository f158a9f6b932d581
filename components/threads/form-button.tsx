"use client";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";

/**
 * One button that runs a server action with fixed fields (pin, hide, mark the answer, delete a note). Labels come
 * translated from the server. With `confirmLabel`, the first tap only asks, so a stray tap on a phone changes nothing.
 */
export function FormButton({
  action,
  fields,
  label,
  confirmLabel,
  cancelLabel,
  variant = "secondary",
  testId,
}: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  confirmLabel?: string;
  cancelLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  testId?: string;
}) {
  const { state, pending, formAction, formProps } = useFormAction(action);
  const [asking, setAsking] = useState(false);
  return (
    <form
      {...formProps}
      action={formAction}
      onSubmit={(event) => {
        formProps.onSubmit(event);
        setAsking(false);
      }}
      className="inline-flex flex-col items-start gap-1"
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirmLabel && !asking ? (
        <Button variant={variant} onClick={() => setAsking(true)} data-testid={testId} className="px-3">
          {label}
        </Button>
      ) : (
        <span className="inline-flex flex-wrap gap-1">
          <Button type="submit" variant={variant} disabled={pending} data-testid={confirmLabel && testId ? `${testId}-confirm` : testId} className="px-3">
            {confirmLabel ?? label}
          </Button>
          {confirmLabel && (
            <Button variant="ghost" onClick={() => setAsking(false)} className="px-3">
              {cancelLabel}
            </Button>
          )}
        </span>
      )}
      {state && !state.ok && <FormAlert state={state} />}
    </form>
  );
}
