"use client";
import { useTranslations } from "next-intl";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main className="mx-auto flex min-h-[70dvh] max-w-md flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-slate-600">{t("body")}</p>
      <button type="button" onClick={reset} className="rounded-lg bg-brand-600 px-4 py-2 text-sm text-white">
        {t("retry")}
      </button>
    </main>
  );
}
