import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell";
import { requirePortal } from "@/lib/auth/session";

export default async function StudentLayout({ children }: { children: ReactNode }) {
  const actor = await requirePortal("student");
  const t = await getTranslations("student");
  return (
    <AppShell actor={actor} portal="student" nav={[
        { href: "/student", label: t("nav.home") },
        { href: "/student/progress", label: t("nav.progress") },
        { href: "/student/notes", label: t("nav.notes") },
        { href: "/student/mistakes", label: t("nav.mistakes") },
        { href: "/student/wechat", label: t("nav.wechat") },
      ]}>
      {children}
    </AppShell>
  );
}
