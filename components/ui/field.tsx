"use client";
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from "react";
import { useTranslations } from "next-intl";

export const inputClass =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

interface FieldProps {
  label: ReactNode;
  /** Translation keys (validation.* or error codes) for this field. */
  errors?: string[];
  hint?: ReactNode;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A label, a control and its errors, linked with aria-describedby. */
export function Field({ label, errors, hint, children }: FieldProps) {
  const id = useId();
  const t = useTranslations();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": !!errors?.length, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {!!errors?.length && (
        <p id={errorId} className="text-sm text-red-600">
          {errors.map((key) => t(key as never)).join(" ")}
        </p>
      )}
    </div>
  );
}

export function TextInput({ label, errors, hint, ...props }: Omit<FieldProps, "children"> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => <input className={inputClass} {...a11y} {...props} />}
    </Field>
  );
}

export function TextArea({ label, errors, hint, ...props }: Omit<FieldProps, "children"> & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => <textarea className={inputClass} {...a11y} {...props} />}
    </Field>
  );
}

export function Select({ label, errors, hint, children, ...props }: Omit<FieldProps, "children"> & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(a11y) => (
        <select className={inputClass} {...a11y} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
}
