import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { listAdminCourses, listCourseTerms, listDepartments } from "@/lib/admin/queries";
import { CourseListFilterSchema } from "@/lib/admin/schemas";
import { type SearchParams, firstValues } from "@/lib/admin/search-params";
import { canGlobal } from "@/lib/auth/authz";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.courses"))("title") };
}

export default async function AdminCoursesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePortal("admin");
  const filter = CourseListFilterSchema.parse(firstValues(await searchParams));
  const [t, ta, courses, departments, terms] = await Promise.all([
    getTranslations("admin.courses"),
    getTranslations("admin"),
    orHttpError(listAdminCourses(actor, filter)),
    orHttpError(listDepartments(actor)),
    orHttpError(listCourseTerms(actor)),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          canGlobal(actor, "admin.courses") && (
            <Link href="/admin/courses/new" className={buttonClass("primary")}>
              {t("new")}
            </Link>
          )
        }
      />
      <form method="get" className="mb-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
        <Select label={t("filter.department")} name="departmentId" defaultValue={filter.departmentId ?? ""}>
          <option value="">{t("filter.all")}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
        <Select label={t("filter.term")} name="term" defaultValue={filter.term ?? ""}>
          <option value="">{t("filter.all")}</option>
          {terms.map((term) => (
            <option key={term} value={term}>
              {term}
            </option>
          ))}
        </Select>
        <Select label={t("filter.status")} name="status" defaultValue={filter.status}>
          <option value="active">{t("filter.active")}</option>
          <option value="archived">{t("filter.archived")}</option>
          <option value="all">{t("filter.any")}</option>
        </Select>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter.apply")}
        </button>
      </form>
      {courses.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="course-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">{t("code")}</th>
                <th className="px-3 py-2 font-medium">{t("courseTitle")}</th>
                <th className="px-3 py-2 font-medium">{t("term")}</th>
                <th className="px-3 py-2 font-medium">{t("department")}</th>
                <th className="px-3 py-2 font-medium">{t("teachers")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("students")}</th>
                <th className="px-3 py-2 font-medium">{t("status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {courses.map((c) => (
                <tr key={c.id} data-testid="course-row" className="align-top">
                  <td className="px-3 py-2 font-mono">{c.code}</td>
                  <td className="px-3 py-2">
                    <Link href={`/admin/courses/${c.id}`} className="font-medium text-brand-700 underline">
                      {c.title}
                    </Link>
                    {c.titleEn && <p className="text-xs text-slate-500">{c.titleEn}</p>}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2">{c.term}</td>
                  <td className="px-3 py-2">{c.department.name}</td>
                  <td className="px-3 py-2">
                    {c.members.length === 0
                      ? "—"
                      : c.members.map((m) => (m.role === "ASSISTANT" ? t("assistantName", { name: m.user.name }) : m.user.name)).join(ta("listSeparator"))}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{c._count.members}</td>
                  <td className="px-3 py-2">{c.archived ? <Badge>{t("archived")}</Badge> : <Badge tone="green">{t("active")}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
