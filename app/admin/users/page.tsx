import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Select, TextInput } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { listDepartments, listUsers } from "@/lib/admin/queries";
import { ROLES, UserListFilterSchema } from "@/lib/admin/schemas";
import { type SearchParams, firstValues, queryString } from "@/lib/admin/search-params";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const filter = UserListFilterSchema.parse(firstValues(await searchParams));
  const result = await orHttpError(listUsers(actor, filter));
  const [t, tc, format, departments] = await Promise.all([
    getTranslations("admin.users"),
    getTranslations("common"),
    getFormatter(),
    listDepartments(actor),
  ]);
  const params = { q: filter.q, role: filter.role, departmentId: filter.departmentId };
  const th = "px-3 py-2 font-medium";
  const td = "px-3 py-2";
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("total", { total: result.total })}
        actions={
          <Link href="/admin/users/new" className={buttonClass("primary")}>
            {t("new")}
          </Link>
        }
      />
      <form method="get" role="search" className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
        <TextInput label={t("search")} name="q" type="search" defaultValue={filter.q ?? ""} maxLength={64} />
        <Select label={t("role")} name="role" defaultValue={filter.role ?? ""}>
          <option value="">{t("allRoles")}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {tc(`role.${role}`)}
            </option>
          ))}
        </Select>
        <Select label={t("department")} name="departmentId" defaultValue={filter.departmentId ?? ""}>
          <option value="">{t("allDepartments")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        <button type="submit" className={buttonClass("secondary")}>
          {t("apply")}
        </button>
      </form>
      {result.items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[44rem] text-left text-sm" data-testid="user-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className={th}>{t("no")}</th>
                <th className={th}>{t("name")}</th>
                <th className={th}>{t("role")}</th>
                <th className={th}>{t("classOrDepartment")}</th>
                <th className={th}>{t("status")}</th>
                <th className={th}>{t("lastLogin")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {result.items.map((u) => (
                <tr key={u.id} data-testid="user-row">
                  <td className={`${td} font-mono`}>
                    <Link href={`/admin/users/${u.id}`} className="text-brand-700 underline">
                      {u.no}
                    </Link>
                  </td>
                  <td className={td}>{u.name}</td>
                  <td className={td}>{tc(`role.${u.role}`)}</td>
                  <td className={td}>{[u.department?.name, u.class?.name].filter(Boolean).join(" / ") || "—"}</td>
                  <td className={td}>
                    {u.disabled ? (
                      <Badge tone="red">{t("disabled")}</Badge>
                    ) : u.mustChangePassword ? (
                      <Badge tone="amber">{t("mustChange")}</Badge>
                    ) : (
                      <Badge tone="green">{t("active")}</Badge>
                    )}
                  </td>
                  <td className={`${td} whitespace-nowrap text-slate-600`}>
                    {u.lastLoginAt ? format.dateTime(u.lastLoginAt, { dateStyle: "short", timeStyle: "short" }) : t("never")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pageCount > 1 && (
        <nav className="mt-3 flex items-center justify-between gap-2 text-sm" aria-label={t("page", { page: result.page, pageCount: result.pageCount })}>
          {result.page > 1 ? (
            <Link href={`/admin/users${queryString(params, { page: result.page - 1 })}`} className={buttonClass("secondary")} rel="prev">
              {t("prev")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">{t("page", { page: result.page, pageCount: result.pageCount })}</span>
          {result.page < result.pageCount ? (
            <Link href={`/admin/users${queryString(params, { page: result.page + 1 })}`} className={buttonClass("secondary")} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
