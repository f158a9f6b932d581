"use client";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";

/** The result of a form's last submission: the translated error code, or a success message. */
export function FormAlert({ state, success }: { state: ActionResult<unknown> | null; success?: string }) {
  const t = useTranslations();
  if (!state) return null;
  if (state.ok) {
    return success ? (
      <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {success}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
      {t(`errors.${state.code}` as never)}
    </p>
  );
}
