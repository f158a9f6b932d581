"use client";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/errors";

/** A translated error code next to the control it concerns. */
export function ErrorText({ code, id }: { code: ErrorCode | null; id?: string }) {
  const t = useTranslations("errors");
  if (!code) return null;
  return (
    <p id={id} role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700">
      {t(code as never)}
    </p>
  );
}
