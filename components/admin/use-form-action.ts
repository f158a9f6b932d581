"use client";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import type { ActionResult } from "@/lib/errors";

type FormAction<T> = (prev: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * useActionState for admin forms. Submitting through onSubmit instead of the form's `action` keeps what the admin
 * typed when the server refuses it (React resets action forms after every submission); the form is cleared only
 * after a success, and only when asked to.
 */
export function useFormAction<T>(action: FormAction<T>, { resetOnSuccess = false } = {}) {
  const [state, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (resetOnSuccess && state?.ok) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  }

  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, pending, fieldErrors, formProps: { ref: formRef, onSubmit, noValidate: true } };
}
