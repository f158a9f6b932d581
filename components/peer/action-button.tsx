"use client";
import { type FormEvent, type ReactNode, startTransition, useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/errors";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/** One button that posts a few hidden fields to a server action, optionally after a confirmation. */
export function ActionButton<T>({ action, fields, label, testId, variant = "secondary", confirm, success, className = "", small = false, ariaLabel }: {
  action: (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string>;
  label: ReactNode;
  testId: string;
  variant?: Variant;
  confirm?: string;
  /** Shown after success; may depend on what the action returned. */
  success?: string | ((data: T) => string);
  className?: string;
  /** A bare text button that fits in a table cell. */
  small?: boolean;
  ariaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  };
  const message = state?.ok && success ? (typeof success === "function" ? success(state.data) : success) : undefined;
  return (
    <form action={formAction} onSubmit={onSubmit} className={`space-y-1 ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        data-testid={testId}
        disabled={pending}
        aria-label={ariaLabel}
        className={small ? "rounded px-1 text-red-600 hover:bg-red-50 disabled:text-slate-300" : buttonClass(variant)}
      >
        {label}
      </button>
      <FormAlert state={state} success={message} />
    </form>
  );
}
