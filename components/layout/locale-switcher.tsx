"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/account/actions";

export function LocaleSwitcher() {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      aria-label={t("language")}
      data-testid="locale-switcher"
      disabled={pending}
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction(next);
          router.refresh();
        })
      }
    >
      {next === "en" ? "English" : "中文"}
    </button>
  );
}
