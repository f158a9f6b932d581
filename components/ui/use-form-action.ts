"use client";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/errors";

type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for forms whose input must survive a refused save: React resets a form after its `action` runs,
 * so submitting goes through onSubmit instead, while `action={formAction}` still posts before hydration. The form
 * is cleared only after a success, and only when asked to.
 */
export function useFormAction<T>(action: FormAction<T>, { resetOnSuccess = false } = {}) {
  const [state, formAction, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => formAction(form));
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, fieldErrors, formAction, onSubmit, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
