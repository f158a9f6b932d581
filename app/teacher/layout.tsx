import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell";
import { requirePortal } from "@/lib/auth/session";

export default async function TeacherLayout({ children }: { children: ReactNode }) {
  const actor = await requirePortal("teacher");
  const t = await getTranslations("teacher");
  return (
    <AppShell actor={actor} portal="teacher" nav={[
        { href: "/teacher", label: t("nav.home") },
        { href: "/teacher/wechat", label: t("nav.wechat") },
      ]}>
      {children}
    </AppShell>
  );
}
