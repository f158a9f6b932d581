import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppShell, type NavItem } from "@/components/layout/app-shell";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";
import { adminEvaluationsPath } from "@/lib/evaluation/paths";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePortal("admin");
  const t = await getTranslations("admin.nav");
  const nav: NavItem[] = [
    { href: "/admin", label: t("home") },
    ...(canGlobal(actor, "admin.departments") ? [{ href: "/admin/departments", label: t("departments") }] : []),
    { href: "/admin/courses", label: t("courses") },
    // Department admins read their department's teachers; administrators manage every account.
    canGlobal(actor, "admin.users") ? { href: "/admin/users", label: t("users") } : { href: "/admin/teachers", label: t("teachers") },
    { href: "/admin/analytics", label: t("analytics") },
    { href: adminEvaluationsPath, label: t("evaluations") },
    { href: "/admin/audit", label: t("audit") },
  ];
  return (
    <AppShell actor={actor} portal="admin" nav={nav}>
      {children}
    </AppShell>
  );
}
