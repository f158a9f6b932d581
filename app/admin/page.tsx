import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAdminOverview } from "@/lib/admin/queries";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.home"))("title") };
}

export default async function AdminHome() {
  const actor = await requirePortal("admin");
  const [t, counts] = await Promise.all([getTranslations("admin.home"), orHttpError(getAdminOverview(actor))]);
  const managesUsers = canGlobal(actor, "admin.users");
  const stats = [
    { key: "departments", value: counts.departments, href: canGlobal(actor, "admin.departments") ? "/admin/departments" : undefined },
    { key: "courses", value: counts.courses, href: "/admin/courses" },
    { key: "teachers", value: counts.teachers, href: managesUsers ? "/admin/users?role=TEACHER" : "/admin/teachers" },
    { key: "students", value: counts.students, href: managesUsers ? "/admin/users?role=STUDENT" : undefined },
  ] as const;
  const links = [
    ...(canGlobal(actor, "admin.departments") ? [{ key: "departments", href: "/admin/departments" }] : []),
    { key: "courses", href: "/admin/courses" },
    ...(canGlobal(actor, "admin.courses") ? [{ key: "newCourse", href: "/admin/courses/new" }] : []),
    ...(managesUsers
      ? [
          { key: "users", href: "/admin/users" },
          { key: "newUser", href: "/admin/users/new" },
        ]
      : [{ key: "teachers", href: "/admin/teachers" }]),
  ] as const;
  return (
    <>
      <PageHeader title={t("title")} subtitle={`${actor.name} · ${managesUsers ? t("scopeAll") : t("scopeDepartment")}`} />
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="admin-stats">
        {stats.map((stat) => {
          const body = (
            <>
              <p className="text-sm text-slate-600">{t(`stats.${stat.key}`)}</p>
              <p className="mt-1 text-3xl font-semibold tabular-nums text-slate-900" data-testid={`stat-${stat.key}`}>
                {stat.value}
              </p>
            </>
          );
          const box = "block h-full rounded-xl border border-slate-200 bg-white p-4 shadow-sm";
          return (
            <li key={stat.key}>
              {stat.href ? (
                <Link href={stat.href} className={`${box} transition hover:border-brand-500`}>
                  {body}
                </Link>
              ) : (
                <div className={box}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
      <div className="mt-4 grid gap-3 md:grid-cols-2">
        <Card title={t("linksTitle")}>
          <ul className="flex flex-wrap gap-2">
            {links.map((link) => (
              <li key={link.key}>
                <Link href={link.href} className="inline-block rounded-lg border border-slate-300 px-3 py-2 text-sm text-brand-700 hover:bg-brand-50">
                  {t(`links.${link.key}`)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("analyticsTitle")}>
          <p className="text-sm text-slate-500">{t("analyticsSoon")}</p>
        </Card>
      </div>
    </>
  );
}
