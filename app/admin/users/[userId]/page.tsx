import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/admin/action-button";
import { ResetPasswordButton } from "@/components/admin/reset-password-button";
import { UserEditForm } from "@/components/admin/user-edit-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { setUserDisabledAction } from "@/lib/admin/actions";
import { getUser, listDepartments } from "@/lib/admin/queries";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

interface Props {
  params: Promise<{ userId: string }>;
}

const loadUser = cache(async (userId: string) => getUser(await requirePortal("admin"), userId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await loadUser((await params).userId).catch(() => null);
  return { title: user?.name };
}

export default async function AdminUserPage({ params }: Props) {
  const { userId } = await params;
  const actor = await requirePortal("admin");
  const user = await orHttpError(loadUser(userId));
  const [t, tc, format, departments] = await Promise.all([getTranslations("admin.users"), getTranslations("common"), getFormatter(), listDepartments(actor)]);
  const isSelf = user.id === actor.id;
  const dateTime = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : t("never"));
  return (
    <ClientMessages namespaces={["admin"]}>
      <Link href="/admin/users" className="mb-3 inline-block text-sm text-brand-700">
        ← {t("back")}
      </Link>
      <PageHeader
        title={
          <>
            {user.name} {user.disabled && <Badge tone="red">{t("disabled")}</Badge>}
            {!user.disabled && user.mustChangePassword && <Badge tone="amber">{t("mustChange")}</Badge>}
          </>
        }
        subtitle={`${user.no} · ${tc(`role.${user.role}`)}`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("profileTitle")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="user-profile">
            <dt className="text-slate-500">{t("no")}</dt>
            <dd className="font-mono">{user.no}</dd>
            <dt className="text-slate-500">{t("department")}</dt>
            <dd>{user.department?.name ?? "—"}</dd>
            <dt className="text-slate-500">{t("class")}</dt>
            <dd>{user.class?.name ?? "—"}</dd>
            <dt className="text-slate-500">{t("email")}</dt>
            <dd className="break-all">{user.email ?? "—"}</dd>
            <dt className="text-slate-500">{t("createdAt")}</dt>
            <dd>{dateTime(user.createdAt)}</dd>
            <dt className="text-slate-500">{t("lastLogin")}</dt>
            <dd>{dateTime(user.lastLoginAt)}</dd>
          </dl>
        </Card>

        <Card title={t("securityTitle")}>
          {isSelf ? (
            <p className="text-sm text-slate-600">{t("selfHint")}</p>
          ) : (
            <div className="space-y-4">
              <div className="space-y-1">
                <ActionButton
                  action={setUserDisabledAction}
                  fields={{ userId: user.id, disabled: String(!user.disabled) }}
                  label={user.disabled ? t("enable") : t("disable")}
                  variant={user.disabled ? "secondary" : "danger"}
                  confirm={!user.disabled}
                  testId="user-disable"
                />
                {!user.disabled && <p className="text-xs text-slate-500">{t("disableHint")}</p>}
              </div>
              <div className="space-y-1">
                <ResetPasswordButton user={{ id: user.id, no: user.no, name: user.name }} />
                <p className="text-xs text-slate-500">{t("resetHint")}</p>
              </div>
            </div>
          )}
        </Card>

        <Card title={t("editTitle")}>
          <UserEditForm user={{ id: user.id, role: user.role, departmentId: user.departmentId }} departments={departments} isSelf={isSelf} />
        </Card>

        <Card title={t("coursesTitle")}>
          {user.memberships.length === 0 ? (
            <p className="text-sm text-slate-500">{tc("none")}</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {user.memberships.map((m) => (
                <li key={m.course.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link href={`/admin/courses/${m.course.id}`} className="text-brand-700 underline">
                    {m.course.title}
                  </Link>
                  <span className="text-slate-500">
                    {m.course.code} · {m.course.term} · {tc(`courseRole.${m.role}`)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
