import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/layout/app-shell";
import { requirePortal } from "@/lib/auth/session";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePortal("admin");
  const t = await getTranslations("admin");
  return (
    <AppShell actor={actor} portal="admin" nav={[{ href: "/admin", label: t("nav.home") }]}>
      {children}
    </AppShell>
  );
}
