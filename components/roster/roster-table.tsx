import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { Roster } from "@/lib/roster/queries";
import { StudentActions } from "./student-actions";

// Below `sm` each row is a card and each cell shows its column name (data-label); from `sm` up it is a table.
const cellClass =
  "flex gap-2 py-0.5 before:w-12 before:shrink-0 before:text-slate-500 before:content-[attr(data-label)] sm:table-cell sm:px-3 sm:py-2 sm:align-top sm:before:content-none";

export async function RosterTable({ roster }: { roster: Roster }) {
  const t = await getTranslations("roster");
  if (roster.students.length === 0) {
    return (
      <p className="text-sm text-slate-500" data-testid="roster-table">
        {t("table.empty")}
      </p>
    );
  }
  const groupOptions = roster.groups.map((group) => ({ id: group.id, name: group.name }));
  return (
    <table className="block w-full text-sm sm:table" data-testid="roster-table">
      <thead className="hidden border-b border-slate-200 text-left text-xs text-slate-600 sm:table-header-group">
        <tr>
          <th className="px-3 py-2 font-medium">{t("columns.no")}</th>
          <th className="px-3 py-2 font-medium">{t("columns.name")}</th>
          <th className="px-3 py-2 font-medium">{t("columns.class")}</th>
          <th className="px-3 py-2 font-medium">{t("columns.group")}</th>
          {roster.canManage && <th className="px-3 py-2 font-medium">{t("table.actions")}</th>}
        </tr>
      </thead>
      <tbody className="block space-y-2 sm:table-row-group sm:space-y-0 sm:divide-y sm:divide-slate-100">
        {roster.students.map((student) => (
          <tr key={student.userId} className="block rounded-lg border border-slate-200 p-3 sm:table-row sm:rounded-none sm:border-0 sm:p-0" data-testid="roster-row">
            <td className={`${cellClass} font-mono`} data-label={t("columns.no")}>
              {student.no}
            </td>
            <td className={cellClass} data-label={t("columns.name")}>
              <span>
                {student.name} {student.disabled && <Badge tone="red">{t("table.disabled")}</Badge>}
              </span>
            </td>
            <td className={cellClass} data-label={t("columns.class")}>
              {student.className ?? t("table.none")}
            </td>
            <td className={cellClass} data-label={t("columns.group")}>
              {student.group?.name ?? <span className="text-slate-400">{t("table.noGroup")}</span>}
            </td>
            {roster.canManage && (
              <td className="pt-2 sm:table-cell sm:px-3 sm:py-2 sm:align-top">
                <StudentActions
                  courseId={roster.course.id}
                  student={{ userId: student.userId, no: student.no, name: student.name, className: student.className, groupId: student.group?.id ?? null }}
                  groups={groupOptions}
                />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
