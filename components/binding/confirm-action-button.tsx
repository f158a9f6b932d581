"use client";
import { type FormEvent, startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";

/** A settings action without input that runs only after a confirmation (unbinding, withdrawing consent). */
export function ConfirmActionButton({ action, label, confirmText, testId }: {
  action: (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;
  label: string;
  confirmText: string;
  testId: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!window.confirm(confirmText)) return;
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <FormAlert state={state} />
      <Button type="submit" variant="danger" disabled={pending} data-testid={testId}>
        {label}
      </Button>
    </form>
  );
}
