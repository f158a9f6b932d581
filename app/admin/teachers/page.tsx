import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { listTeachers } from "@/lib/admin/queries";
import { requirePortal } from "@/lib/auth/session";
import { orHttpError } from "@/lib/page-errors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.teachers"))("title") };
}

/** The teachers of the actor's department(s) and what they teach there; read-only. */
export default async function AdminTeachersPage() {
  const actor = await requirePortal("admin");
  const [t, tc, teachers] = await Promise.all([getTranslations("admin.teachers"), getTranslations("common"), orHttpError(listTeachers(actor))]);
  const th = "px-3 py-2 font-medium";
  const td = "px-3 py-2";
  return (
    <>
      <PageHeader title={t("title")} />
      {teachers.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm" data-testid="teacher-table">
            <thead className="bg-slate-50 text-slate-600">
              <tr>
                <th className={th}>{t("no")}</th>
                <th className={th}>{t("name")}</th>
                <th className={th}>{t("role")}</th>
                <th className={th}>{t("department")}</th>
                <th className={th}>{t("courses")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {teachers.map((u) => (
                <tr key={u.id} className="align-top">
                  <td className={`${td} font-mono`}>{u.no}</td>
                  <td className={td}>
                    {u.name} {u.disabled && <Badge tone="red">{t("disabled")}</Badge>}
                  </td>
                  <td className={td}>{tc(`role.${u.role}`)}</td>
                  <td className={td}>{u.department?.name ?? "—"}</td>
                  <td className={td}>
                    {u.memberships.length === 0 ? (
                      "—"
                    ) : (
                      <ul className="space-y-0.5">
                        {u.memberships.map((m) => (
                          <li key={m.course.id}>
                            <Link href={`/admin/courses/${m.course.id}`} className="text-brand-700 underline">
                              {m.course.title}
                            </Link>{" "}
                            <span className="text-xs text-slate-500">
                              {m.course.code} · {tc(`courseRole.${m.role}`)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
