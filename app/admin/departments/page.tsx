import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ActionButton } from "@/components/admin/action-button";
import { DepartmentCreateForm } from "@/components/admin/department-create-form";
import { DepartmentRenameForm } from "@/components/admin/department-rename-form";
import { ClientMessages } from "@/components/intl/client-messages";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { deleteDepartmentAction } from "@/lib/admin/actions";
import { listDepartments } from "@/lib/admin/queries";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.departments"))("title") };
}

export default async function DepartmentsPage() {
  const actor = await requirePortal("admin");
  if (!canGlobal(actor, "admin.departments")) forbidden();
  const [t, departments] = await Promise.all([getTranslations("admin.departments"), listDepartments(actor)]);
  return (
    <ClientMessages namespaces={["admin"]}>
      <PageHeader title={t("title")} />
      <Card title={t("createTitle")} className="mb-4">
        <DepartmentCreateForm />
      </Card>
      {departments.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm" data-testid="dept-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">{t("code")}</th>
                <th className="px-3 py-2 font-medium">{t("name")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("courses")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("teachers")}</th>
                <th className="px-3 py-2 font-medium">
                  <span className="sr-only">{t("rename")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {departments.map((d) => (
                <tr key={d.id} data-testid="dept-row" className="align-top">
                  <td className="px-3 py-2 font-mono">{d.code}</td>
                  <td className="px-3 py-2">
                    <p>{d.name}</p>
                    {d.nameEn && <p className="text-xs text-slate-500">{d.nameEn}</p>}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    <Link href={`/admin/courses?departmentId=${d.id}&status=all`} className="text-brand-700 underline">
                      {d._count.courses}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{d._count.users}</td>
                  <td className="px-3 py-2">
                    <div className="flex flex-wrap items-start gap-2">
                      <DepartmentRenameForm department={d} />
                      <ActionButton action={deleteDepartmentAction} fields={{ departmentId: d.id }} label={t("delete")} variant="danger" confirm />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="mt-2 text-xs text-slate-500">{t("deleteHint")}</p>
    </ClientMessages>
  );
}
