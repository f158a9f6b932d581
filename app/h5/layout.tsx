import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";

/** Pages opened inside WeChat's browser: one narrow column, no portal navigation. */
export default async function H5Layout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col gap-4 px-4 py-5">
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-2 font-semibold text-brand-700">
          <span aria-hidden className="grid h-8 w-8 place-items-center rounded-lg bg-brand-600 text-white">杏</span>
          <span>{t("appName")}</span>
        </div>
        <LocaleSwitcher />
      </div>
      {children}
    </main>
  );
}
